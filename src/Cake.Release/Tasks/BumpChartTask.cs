using Cake.Core;
using Cake.Release.Charts;
using Cake.Release.Hosting;

namespace Cake.Release.Tasks;

/// <summary>Bumps a chart's version (and appVersion, and local parents' pins) in the working tree.</summary>
[TaskName("BumpChart")]
[TaskDescription("Bumps Chart.yaml of --service or --chart by --bump (auto from commits) or to --version, byte-exact")]
[TaskArgument("service")]
[TaskArgument("chart")]
[TaskArgument("bump")]
[TaskArgument("prerelease")]
[TaskArgument("version")]
[TaskArgument("config")]
[SupportsDryRun]
public sealed class BumpChartTask : FrostingTask
{
    /// <inheritdoc/>
    public override void Run(ICakeContext context) =>
        context.BumpChart(ReleaseRequestArguments.Read(context, new BumpChartSettings()));
}
