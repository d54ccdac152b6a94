using Cake.Release.Changelog;
using Cake.Release.GitOps;
using Cake.Release.Versioning;

namespace Cake.Release.Charts;

/// <summary>Settings of <see cref="ChartAliases.ReleaseChart"/>.</summary>
public sealed class ReleaseChartSettings : ReleaseRequestSettings
{
    /// <summary>The release date in the changelog heading; today (UTC) by default.</summary>
    public DateOnly? Date { get; set; }

    /// <summary>Which section each commit type goes to, hidden types, the breaking marker.</summary>
    public ChangelogFormat Format { get; set; } = new();

    /// <summary>How to retry when other pipelines push to the main branch at the same time.</summary>
    public PushRetry Retry { get; set; } = PushRetry.Default;
}
