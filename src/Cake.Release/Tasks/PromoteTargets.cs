using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Release.Config;
using Cake.Release.Hosting;
using Cake.Release.Session;

namespace Cake.Release.Tasks;

/// <summary>
/// <c>Promote&lt;Env&gt;</c>: one target per environment of release.yaml that has a <c>from:</c>, named in PascalCase
/// (staging → PromoteStaging, pre-prod → PromotePreProd), each PromoteEnv's graph with <c>--to</c> fixed by the name. Without a
/// release.yaml there are none; with one that does not load, a <c>Promote&lt;Env&gt;</c> named by <c>--target</c> fails
/// with the mistake, and otherwise a warning says why there are none.
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
            config = ReleaseSession.Of(context).Config(file);
        }
        catch (ReleaseException e)
        {
            // A Promote<Env> target asked for is still there, failing with the mistake, so the run's one error is
            // the cause and not "Target 'PromoteProduction' was not found"; otherwise (--description) a warning says it.
            var asked = Requested(context);
            if (asked.Count == 0)
            {
                context.Log.Warning("No Promote<Env> targets: {0}", e.Message);
            }

            // It reads what a Promote<Env> target reads, so the mistake is reported and not "Unknown argument --service".
            return asked.Select(name => new ContributedTask(name, $"Cannot promote: {e.Message}", new UnloadableConfigTask(e.Message), SupportsDryRun: true, Arguments: PromoteArguments)).ToList();
        }

        return config.Environments.Where(e => e.From is not null).Select(e => new ContributedTask(
            e.PromoteTarget,
            $"Promotes --service from {e.From} into {e.Name} (PromoteEnv --to={e.Name})",
            new PromoteEnvironmentTask(),
            SupportsDryRun: true,
            DependsOn: [typeof(NotifyPromotionTask)],
            Fixes: ["to"])).ToList();
    }

    // A promotion's arguments but --to, which the target's name fixes.
    private static List<string> PromoteArguments => [.. TaskCatalog.ArgumentsOf(typeof(CheckPromotionTask)).Where(name => name != "to")];

    /// <summary>The Promote&lt;Env&gt; names given with --target (not PromoteEnv), as typed.</summary>
    internal static List<string> Requested(ICakeContext context) =>
        context.Arguments.GetArguments("target")
            .SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(t => t.Length > "Promote".Length && t.StartsWith("Promote", StringComparison.OrdinalIgnoreCase) && !t.Equals("PromoteEnv", StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    private sealed class UnloadableConfigTask(string problem) : FrostingTask
    {
        public override void Run(ICakeContext context) => throw new ReleaseException(problem);
    }

    // Its graph did the work (CheckPromotion reads the environment from the target's name); it sums it up.
    private sealed class PromoteEnvironmentTask : FrostingTask
    {
        public override void Run(ICakeContext context) => PromotionStepTask.Checked(context, "Promote<Env>").Finish();
    }
}
