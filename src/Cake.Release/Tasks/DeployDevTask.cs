using Cake.Core;
using Cake.Release.Changes;
using Cake.Release.Hosting;
using Cake.Release.Promotion;

namespace Cake.Release.Tasks;

/// <summary>
/// What CI runs on every push to the main branch: DetectChanged, BuildOnce, then each changed service's image
/// recorded in the auto environment (its imageTag moved, its manifest entry written). The alias runs the three
/// steps rather than task dependencies, so a release.yaml without an auto environment is refused before anything
/// is built or pushed.
/// </summary>
[TaskName("DeployDev")]
[TaskDescription("DetectChanged, BuildOnce, then records each changed (or --service) service's image in the auto environment (dev)")]
[TaskArgument("service")]
[TaskArgument("base")]
[TaskArgument("head")]
[TaskArgument("by")]
[TaskArgument("config")]
[SupportsDryRun]
public sealed class DeployDevTask : FrostingTask
{
    /// <inheritdoc/>
    public override void Run(ICakeContext context)
    {
        var settings = new DeployDevSettings
        {
            By = ReleaseArguments.Value(context, "by"),
            Detect = new DetectChangedSettings { Base = ReleaseArguments.Value(context, "base"), Head = ReleaseArguments.Value(context, "head") },
            ConfigFile = ReleaseArguments.Value(context, "config") ?? "release.yaml",
        };
        foreach (var service in ReleaseArguments.Values(context, "service"))
        {
            settings.Services.Add(service);
        }

        context.DeployDev(settings);
    }
}
