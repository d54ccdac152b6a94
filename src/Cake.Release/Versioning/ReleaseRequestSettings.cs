using Cake.Core.IO;
using Cake.Release.GitOps;

namespace Cake.Release.Versioning;

/// <summary>What every versioned release step is asked: which service or chart, and which version.</summary>
public abstract class ReleaseRequestSettings : ReleaseSettings
{
    /// <summary>The service of release.yaml (<c>--service</c>); its chart is <c>chart:</c>, its changelog <c>changelog:</c>.</summary>
    public string? Service { get; set; }

    /// <summary>A chart folder relative to the repository root (<c>--chart</c>), for a chart that belongs to no service (or to find its service).</summary>
    public string? Chart { get; set; }

    /// <summary>The bump rule (<c>--bump</c>); auto (from Conventional Commits) by default.</summary>
    public VersionBump Bump { get; set; } = VersionBump.Auto;

    /// <summary>The pre-release channel (<c>--prerelease=rc</c>); null for a stable release.</summary>
    public string? PreRelease { get; set; }

    /// <summary>The exact version (<c>--version</c>), instead of a bump rule.</summary>
    public string? Version { get; set; }

    /// <summary>The channel order and the below-1.0.0 rule.</summary>
    public VersionRules Rules { get; set; } = VersionRules.Default;

    internal VersionRequest Request() => new()
    {
        Bump = Bump,
        PreRelease = PreRelease,
        Explicit = Version is null ? null : ReleaseVersion.Parse(Version, "--version"),
    };
}
