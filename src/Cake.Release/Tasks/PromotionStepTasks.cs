using Cake.Core;
using Cake.Release.Hosting;
using Cake.Release.Promotion;
using Cake.Release.Session;

namespace Cake.Release.Tasks;

/// <summary>
/// A step of a promotion as a task: it carries out one step of the promotion <see cref="CheckPromotionTask"/>
/// checked earlier in the run (kept in the session), so a pipeline's own task can stand between two steps.
/// </summary>
public abstract class PromotionStepTask : FrostingTask
{
    /// <inheritdoc/>
    public sealed override void Run(ICakeContext context) => Step(Checked(context, TaskCatalog.NameOf(GetType())));

    /// <summary>Carries out the step.</summary>
    protected abstract void Step(PromotionRun run);

    internal static PromotionRun Checked(ICakeContext context, string task) =>
        ReleaseSession.Of(context).Find<PromotionRun>()
        ?? throw new ReleaseException($"{task} has no checked promotion: it runs after CheckPromotion in the same run. Run --target=PromoteStaging (or PromoteEnv --to=<env>), which runs the checks and every step, instead of {task} with --exclusive.");
}

/// <summary>The version and the target's imageTag on the promoted digest: registry tags move, layers never do.</summary>
[TaskName("RetagPromotion")]
[TaskDescription("Gives the checked promotion's image its version and the environment's imageTag")]
[IsDependentOn(typeof(CheckPromotionTask))]
[SupportsDryRun]
public sealed class RetagPromotionTask : PromotionStepTask
{
    /// <inheritdoc/>
    protected override void Step(PromotionRun run) => run.Retag();
}

/// <summary>The release branch and the annotated release tag at the source commit, each only when the remote lacks it.</summary>
[TaskName("PushReleaseRefs")]
[TaskDescription("Pushes the checked promotion's release branch and annotated release tag at its source commit")]
[IsDependentOn(typeof(RetagPromotionTask))]
[SupportsDryRun]
public sealed class PushReleaseRefsTask : PromotionStepTask
{
    /// <inheritdoc/>
    protected override void Step(PromotionRun run) => run.PushReleaseRefs();
}

/// <summary>The manifest entry and <c>updates:</c> of the target environment, one commit on its branch.</summary>
[TaskName("WritePromotionManifest")]
[TaskDescription("Records the checked promotion in the target environment's manifest (and its updates: files)")]
[IsDependentOn(typeof(PushReleaseRefsTask))]
[SupportsDryRun]
public sealed class WritePromotionManifestTask : PromotionStepTask
{
    /// <inheritdoc/>
    protected override void Step(PromotionRun run) => run.WriteManifest();
}

/// <summary>The target environment's milestone tag (when it has one) on the commit that recorded the promotion.</summary>
[TaskName("TagMilestone")]
[TaskDescription("Tags the promotion's manifest commit with the environment's milestoneTag, when it has one")]
[IsDependentOn(typeof(WritePromotionManifestTask))]
[SupportsDryRun]
public sealed class TagMilestoneTask : PromotionStepTask
{
    /// <inheritdoc/>
    protected override void Step(PromotionRun run) => run.TagMilestone();
}

/// <summary>The promotion into the central release record (release.yaml's <c>publish:</c>), with whatever an earlier run left unpublished; never fails the run.</summary>
[TaskName("PublishPromotion")]
[TaskDescription("Publishes the promotion to the release record (publish: in release.yaml), and what earlier runs left unpublished")]
[IsDependentOn(typeof(TagMilestoneTask))]
[SupportsDryRun]
public sealed class PublishPromotionTask : PromotionStepTask
{
    /// <inheritdoc/>
    protected override void Step(PromotionRun run) => run.Publish();
}

/// <summary>After a hotfix's merged pull request, back-port pull requests to the earlier environments that lack the fix.</summary>
[TaskName("BackportHotfix")]
[TaskDescription("Opens back-port pull requests of a merged hotfix to the earlier environments (promotion by pull request only)")]
[IsDependentOn(typeof(PublishPromotionTask))]
[SupportsDryRun]
public sealed class BackportHotfixTask : PromotionStepTask
{
    /// <inheritdoc/>
    protected override void Step(PromotionRun run) => run.Backport();
}

/// <summary>The target environment's <c>notify:</c> webhooks without a delivery record of this promotion; never fails the run.</summary>
[TaskName("NotifyPromotion")]
[TaskDescription("Sends the promotion to the environment's notify: webhooks that have not heard of it")]
[IsDependentOn(typeof(BackportHotfixTask))]
[SupportsDryRun]
public sealed class NotifyPromotionTask : PromotionStepTask
{
    /// <inheritdoc/>
    protected override void Step(PromotionRun run) => run.Notify();
}
