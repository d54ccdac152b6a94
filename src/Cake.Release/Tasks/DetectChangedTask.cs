using Cake.Core;
using Cake.Release.Building;
using Cake.Release.Changes;
using Cake.Release.Hosting;

namespace Cake.Release.Tasks;

/// <summary>
/// Lists the services changed since --base (default: what the auto environment runs, else the merge-base with the
/// main branch). Dry run changes nothing either: its only writes are artifacts/changed.json and the CI outputs.
/// </summary>
[TaskName("DetectChanged")]
[TaskDescription("Lists the services changed between --base and --head, writes artifacts/changed.json and CI outputs")]
[TaskArgument("service")]
[TaskArgument("base")]
[TaskArgument("head")]
[TaskArgument("config")]
[SupportsDryRun]
public sealed class DetectChangedTask : FrostingTask
{
    /// <summary>
    /// Skipped when it only runs ahead of another target (BuildOnce) that was told its services with --service:
    /// nothing would read its answer, and it would need the remote.
    /// </summary>
    public override bool ShouldRun(ICakeContext context) =>
        ReleaseArguments.Values(context, "service").Count == 0
        || context.Arguments.GetArguments("target").Any(target => target.Equals("DetectChanged", StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc/>
    public override void Run(ICakeContext context) =>
        context.DetectChanged(new DetectChangedSettings
        {
            Base = ReleaseArguments.Value(context, "base"),
            Head = ReleaseArguments.Value(context, "head"),
            ConfigFile = ReleaseArguments.Value(context, "config") ?? "release.yaml",
        });
}
