using Cake.Core;
using Cake.Release.Charts;
using Cake.Release.Hosting;

namespace Cake.Release.Tasks;

/// <summary>chart-testing's version gate: every chart changed since --base carries a greater version.</summary>
[TaskName("CheckChartVersions")]
[TaskDescription("Fails when a chart changed since --base (default origin/main) without a greater version")]
[TaskArgument("base")]
[TaskArgument("config")]
[SupportsDryRun]
public sealed class CheckChartVersionsTask : FrostingTask
{
    /// <inheritdoc/>
    public override void Run(ICakeContext context) =>
        context.CheckChartVersions(new CheckChartVersionsSettings
        {
            Base = ReleaseArguments.Value(context, "base"),
            ConfigFile = ReleaseArguments.Value(context, "config") ?? "release.yaml",
        });
}
