using Cake.Core.IO;
using Cake.Release.GitOps;

namespace Cake.Release.Charts;

/// <summary>Settings of <see cref="ChartAliases.CheckChartVersions"/>.</summary>
public sealed class CheckChartVersionsSettings
{
    /// <summary>What the charts are compared with (<c>--base</c>); <c>&lt;remote&gt;/&lt;mainBranch&gt;</c> of release.yaml by default.</summary>
    public string? Base { get; set; }

    /// <summary>The release configuration (<c>--config</c>); default <c>release.yaml</c> in the working directory.</summary>
    public FilePath ConfigFile { get; set; } = "release.yaml";

    /// <summary>How to run git.</summary>
    public GitSettings Git { get; set; } = new();
}
