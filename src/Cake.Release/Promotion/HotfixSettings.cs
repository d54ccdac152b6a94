using Cake.Core.IO;
using Cake.Release.GitOps;
using Cake.Release.Registry;

namespace Cake.Release.Promotion;

/// <summary>What <see cref="HotfixAliases.Hotfix"/> cherry-picks, and onto which release line.</summary>
public sealed class HotfixSettings : ReleaseSettings
{
    /// <summary>The service (<c>--service</c>). Required.</summary>
    public string Service { get; set; } = "";

    /// <summary>The fix to cherry-pick (<c>--commit</c>): a commit of this repository, usually on the main branch. Required.</summary>
    public string Commit { get; set; } = "";

    /// <summary>The release line (<c>--line=1.6</c>); default: the line of the service's latest stable release tag.</summary>
    public string? Line { get; set; }

    /// <summary>Retries and timeouts for the registry the image is pushed to.</summary>
    public RegistrySettings Registry { get; set; } = new();
}
