using Cake.Core.IO;
using Cake.Release.GitOps;
using Cake.Release.Registry;

namespace Cake.Release.Promotion;

/// <summary>What <see cref="HotfixAliases.Hotfix"/> cherry-picks, and onto which release line.</summary>
public sealed class HotfixSettings
{
    /// <summary>The service (<c>--service</c>). Required.</summary>
    public string Service { get; set; } = "";

    /// <summary>The fix to cherry-pick (<c>--commit</c>): a commit of this repository, usually on the main branch. Required.</summary>
    public string Commit { get; set; } = "";

    /// <summary>The release line (<c>--line=1.6</c>); default: the line of the service's latest stable release tag.</summary>
    public string? Line { get; set; }

    /// <summary>The release configuration (<c>--config</c>); default <c>release.yaml</c> in the working directory.</summary>
    public FilePath ConfigFile { get; set; } = "release.yaml";

    /// <summary>True to only pick in a temporary worktree and say what would be pushed; null (default) follows the run's <c>--dryrun</c>.</summary>
    public bool? DryRun { get; set; }

    /// <summary>Retries and timeouts for the registry the image is pushed to.</summary>
    public RegistrySettings Registry { get; set; } = new();

    /// <summary>How to run git.</summary>
    public GitSettings Git { get; set; } = new();
}
