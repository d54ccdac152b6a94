using Cake.Core;
using Cake.Core.Annotations;
using Cake.Release.Session;

namespace Cake.Release.Promotion;

/// <summary>Promotes one service's already-built image from one environment to the next.</summary>
[CakeAliasCategory("Release")]
[CakeNamespaceImport("Cake.Release")]
[CakeNamespaceImport("Cake.Release.Promotion")]
public static class PromotionAliases
{
    /// <summary>
    /// Checks the promotion of <see cref="PromoteEnvSettings.Service"/> into <see cref="PromoteEnvSettings.To"/> (path,
    /// source, digest, soak, approvals, version, immutable tags, release branch: all evaluated, all reported), then,
    /// when every check passes, carries it out in an order a re-run always completes: registry tags (the version and
    /// the environment's imageTag), the release branch and annotated release tag at the source commit, the target's
    /// manifest, the milestone tag, and last the notifications. Each step is idempotent: a re-run after success
    /// changes nothing. A failed check throws <see cref="PromotionRefusedException"/> before anything is changed,
    /// in a dry run too, so a dry run's exit code is the real run's.
    /// </summary>
    /// <example><code>PromoteEnv(new PromoteEnvSettings { Service = "blue", To = "production", Approvers = { "bob", "carol" } });</code></example>
    [CakeMethodAlias]
    [CakeAliasCategory("Promotion")]
    public static PromoteEnvResult PromoteEnv(this ICakeContext context, PromoteEnvSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var run = PromotionRun.Check(ReleaseSession.Of(context), settings);
        run.Retag();
        run.PushReleaseRefs();
        run.WriteManifest();
        run.TagMilestone();
        run.Publish();
        run.Backport();
        run.Notify();
        return run.Finish();
    }
}
