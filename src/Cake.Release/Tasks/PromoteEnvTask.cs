using Cake.Core;
using Cake.Release.Hosting;

namespace Cake.Release.Tasks;

/// <summary>
/// Promotes --service into --to (from that environment's from:): the graph CheckPromotion → RetagPromotion →
/// PushReleaseRefs → WritePromotionManifest → TagMilestone → NotifyPromotion, then the summary. A pipeline puts its
/// own task between two steps with [IsDependentOn]/[IsDependeeOf], or replaces one with ReplaceTask.
/// </summary>
[TaskName("PromoteEnv")]
[TaskDescription("Promotes --service into --to (from its from:): checks, image tags, release branch and tag, manifest, milestone tag, notifications")]
[IsDependentOn(typeof(NotifyPromotionTask))]
[SupportsDryRun]
public sealed class PromoteEnvTask : FrostingTask
{
    /// <inheritdoc/>
    public override void Run(ICakeContext context) => PromotionStepTask.Checked(context, "PromoteEnv").Finish();
}
