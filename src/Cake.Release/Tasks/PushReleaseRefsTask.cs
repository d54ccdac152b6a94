using Cake.Core;
using Cake.Release.Hosting;

namespace Cake.Release.Tasks;

/// <summary>Pushes the release branch and the annotated release tag of the checked promotion, each only when the remote lacks it.</summary>
[TaskName("PushReleaseRefs")]
[TaskDescription("Pushes the checked promotion's release branch and annotated release tag at its source commit")]
[IsDependentOn(typeof(RetagPromotionTask))]
[SupportsDryRun]
public sealed class PushReleaseRefsTask : FrostingTask
{
    /// <inheritdoc/>
    public override void Run(ICakeContext context) => CheckedPromotion.Of(context, "PushReleaseRefs").PushReleaseRefs();
}
