using Cake.Core.IO;
using Cake.Release.GitOps;

namespace Cake.Release.Charts;

/// <summary>Settings of <see cref="ChartAliases.CheckChartVersions"/>.</summary>
public sealed class CheckChartVersionsSettings : ReleaseSettings
{
    /// <summary>What the charts are compared with (<c>--base</c>); <c>&lt;remote&gt;/&lt;mainBranch&gt;</c> of release.yaml by default.</summary>
    public string? Base { get; set; }
}
