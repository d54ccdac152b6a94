using Cake.Core;
using Cake.Release.Hosting;
using Cake.Release.Promotion;

namespace Cake.Release.Tasks;

/// <summary>Returns --service in --env to the previous release (or --version) recorded in the environment's manifest history.</summary>
[TaskName("Rollback")]
[TaskDescription("Rolls --service in --env back to its previous release (or --version), as the manifest's history records it")]
[TaskArgument("env")]
[TaskArgument("service")]
[TaskArgument("version")]
[TaskArgument("by")]
[TaskArgument("config")]
[SupportsDryRun]
public sealed class RollbackTask : FrostingTask
{
    /// <inheritdoc/>
    public override void Run(ICakeContext context) =>
        context.Rollback(new RollbackSettings
        {
            Environment = ReleaseArguments.Required(context, "env", "production"),
            Service = ReleaseArguments.Required(context, "service", "blue"),
            Version = ReleaseArguments.Value(context, "version"),
            By = ReleaseArguments.Value(context, "by"),
            ConfigFile = ReleaseArguments.Value(context, "config") ?? "release.yaml",
        });
}
