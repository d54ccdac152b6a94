using Cake.Release.Versioning;

namespace Cake.Release.Changelog;

/// <summary>Settings of <see cref="Charts.ChangelogAliases.WriteChangelog"/>.</summary>
public sealed class WriteChangelogSettings : ReleaseRequestSettings
{
    /// <summary>The release date in the heading; today (UTC) by default.</summary>
    public DateOnly? Date { get; set; }

    /// <summary>Which section each commit type goes to, hidden types, the breaking marker.</summary>
    public ChangelogFormat Format { get; set; } = new();
}
