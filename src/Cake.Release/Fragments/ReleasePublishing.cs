using System.Runtime.CompilerServices;
using Cake.Core.Diagnostics;
using Cake.Release.Config;
using Cake.Release.GitOps;
using Cake.Release.Session;

namespace Cake.Release.Fragments;

/// <summary>
/// The publish at the end of every target that changes what runs where. Without <c>publish:</c> in release.yaml it
/// logs one verbose line and makes no AWS call, and this method touches no AWS type, so nothing of the SDK is needed
/// on that path. A dry run says what it would publish.
/// </summary>
internal static class ReleasePublishing
{
    /// <summary>
    /// Publishes every environment's history past its mark and the release tags the table has not seen, whatever
    /// the target changed: so a run also publishes what an earlier, interrupted run left. Null when release.yaml has
    /// no <c>publish:</c>.
    /// </summary>
    public static StepEffect? Publish(ReleaseSession session, ReleaseConfig config, GitSettings? git, string why, bool dryRun) =>
        Publish(session, config, git, config?.Environments.Select(e => e.Name) ?? [], tags: true, why, dryRun);

    /// <summary>
    /// Publishes the history of <paramref name="environments"/> past their marks (and the release tags when
    /// <paramref name="tags"/>); null when release.yaml has no <c>publish:</c>.
    /// </summary>
    public static StepEffect? Publish(ReleaseSession session, ReleaseConfig config, GitSettings? git, IEnumerable<string> environments, bool tags, string why, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(config);
        if (config.Publish is null)
        {
            session.Log.Verbose("{0}: release.yaml has no publish:, so the release record is not written.", why);
            return null;
        }

        var input = new PublishInput(config, environments.Distinct(StringComparer.Ordinal).Select(config.Environment).ToList(), tags, why, git);
        return Run(session, input, dryRun);
    }

    // Kept out of Publish so the AWS SDK's assemblies load only when a publish really happens.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static StepEffect Run(ReleaseSession session, PublishInput input, bool dryRun)
    {
        var step = new PublishStep(session);
        return dryRun ? step.Plan(input) : step.Apply(input);
    }
}
