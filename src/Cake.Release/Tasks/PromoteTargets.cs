using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Release.Config;
using Cake.Release.Hosting;

namespace Cake.Release.Tasks;

/// <summary>
/// <c>Promote&lt;Env&gt;</c>: one target per environment of release.yaml that has a <c>from:</c>, named in PascalCase
/// (staging → PromoteStaging, pre-prod → PromotePreProd), each PromoteEnv with <c>--to</c> fixed. Without a
/// release.yaml there are none; with one that does not load there are none either, and a warning says why.
/// </summary>
[TaskArgument("config")]
public sealed class PromoteTargets : ITaskSource
{
    /// <inheritdoc/>
    public IEnumerable<ContributedTask> Tasks(ICakeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = new FilePath(ReleaseArguments.Value(context, "config") ?? "release.yaml").MakeAbsolute(context.Environment).FullPath;
        if (!File.Exists(file))
        {
            return [];
        }

        ReleaseConfig config;
        try
        {
            config = ReleaseConfigLoader.Load(file);
        }
        catch (ReleaseException e)
        {
            // Said here, or --target=PromoteStaging would only hear that no such target exists.
            context.Log.Warning("No Promote<Env> targets: {0}", e.Message);
            return [];
        }

        return config.Environments.Where(e => e.From is not null).Select(e => new ContributedTask(
            e.PromoteTarget,
            $"Promotes --service from {e.From} into {e.Name} (PromoteEnv --to={e.Name})",
            new PromoteEnvironmentTask(e.Name),
            SupportsDryRun: true,
            Arguments: [.. TaskCatalog.ArgumentsOf(typeof(PromoteEnvTask)).Where(name => name != "to")])).ToList();
    }

    private sealed class PromoteEnvironmentTask(string environment) : FrostingTask
    {
        public override void Run(ICakeContext context) => PromoteEnvTask.Promote(context, environment);
    }
}
