namespace Cake.Release.Versioning;

/// <summary>Settings of <see cref="VersioningAliases.NextVersion"/>.</summary>
public sealed class NextVersionSettings : ReleaseRequestSettings
{
}
