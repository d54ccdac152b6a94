using Cake.Core.IO;
using Cake.Release.GitOps;

namespace Cake.Release;

/// <summary>
/// What every release alias's settings carry: where release.yaml is, whether to change anything, and how to call git.
/// Aliases read their settings and never change them, so one settings object can be passed to several calls.
/// </summary>
public abstract class ReleaseSettings
{
    /// <summary>The release configuration (<c>--config</c>); relative to the working directory, its folder is the repository root.</summary>
    public FilePath ConfigFile { get; set; } = "release.yaml";

    /// <summary>Only report what would change (<c>--dryrun</c>); null follows the run's flag.</summary>
    public bool? DryRun { get; set; }

    /// <summary>How git is run (tool path, timeout, environment).</summary>
    public GitSettings Git { get; set; } = new();

    /// <summary>A copy to adjust for one call, so the caller's settings stay as they were given.</summary>
    internal T Copy<T>() where T : ReleaseSettings => (T)MemberwiseClone();
}
