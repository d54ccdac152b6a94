using Cake.Core;
using Cake.Release.Hosting;
using Cake.Release.Promotion;
using Cake.Release.Session;

namespace Cake.Release.Tasks;

/// <summary>
/// The first task of every promotion: reads the request, gathers the facts and evaluates every check, changing
/// nothing. A failed check stops the run here, so the steps after it (<see cref="RetagPromotionTask"/> to
/// <see cref="NotifyPromotionTask"/>) never start. The checked promotion is left in the session for them.
/// </summary>
[TaskName("CheckPromotion")]
[TaskDescription("Checks the promotion of --service into --to (path, freeze, source, digest, soak, approvals, version, tags, release branch); changes nothing")]
[TaskArgument("to")]
[TaskArgument("service")]
[TaskArgument("from")]
[TaskArgument("version")]
[TaskArgument("bump")]
[TaskArgument("approver")]
[TaskArgument("by")]
[TaskArgument("break-glass")]
[TaskArgument("config")]
[SupportsDryRun]
public sealed class CheckPromotionTask : FrostingTask
{
    /// <inheritdoc/>
    public override void Run(ICakeContext context)
    {
        var settings = new PromoteEnvSettings
        {
            Service = ReleaseArguments.Required(context, "service", "blue"),
            From = ReleaseArguments.Value(context, "from"),
            Version = ReleaseArguments.Value(context, "version"),
            Bump = ReleaseArguments.Value(context, "bump"),
            By = ReleaseArguments.Value(context, "by"),
            BreakGlass = ReleaseArguments.Value(context, "break-glass"),
            ConfigFile = ReleaseArguments.Value(context, "config") ?? "release.yaml",
        };
        foreach (var approver in ReleaseArguments.Values(context, "approver"))
        {
            settings.Approvers.Add(approver);
        }

        var session = ReleaseSession.Of(context);
        settings.To = Target(context, session, settings);
        session.Keep(PromotionRun.Check(session, settings));
    }

    // The environment is the one the requested Promote<Env> target names (PromoteStaging → staging), which fixes it:
    // --to is refused there before anything runs, and RELEASE_TO is not read. PromoteEnv and the steps alone take --to.
    private static string Target(ICakeContext context, ReleaseSession session, PromoteEnvSettings settings)
    {
        var asked = PromoteTargets.Requested(context);
        var environments = asked.Count == 0 ? [] : session.Config(settings.ConfigFile).Environments.Where(e => asked.Contains(e.PromoteTarget, StringComparer.OrdinalIgnoreCase)).ToList();
        if (environments.Count > 1)
        {
            throw new ReleaseException($"One promotion per run: --target names {string.Join(", ", environments.Select(e => e.PromoteTarget))}; run them one after another, each waiting for the one before.");
        }

        return environments.Count == 1 ? environments[0].Name : ReleaseArguments.Required(context, "to", "staging");
    }
}
