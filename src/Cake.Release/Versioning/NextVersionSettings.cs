namespace Cake.Release.Versioning;

/// <summary>Settings of <see cref="Charts.VersioningAliases.NextVersion"/>.</summary>
public sealed class NextVersionSettings : ReleaseRequestSettings
{
}
