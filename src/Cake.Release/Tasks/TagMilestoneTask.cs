using Cake.Core;
using Cake.Release.Hosting;

namespace Cake.Release.Tasks;

/// <summary>Puts the target environment's milestone tag (when it has one) on the commit that recorded the promotion.</summary>
[TaskName("TagMilestone")]
[TaskDescription("Tags the promotion's manifest commit with the environment's milestoneTag, when it has one")]
[IsDependentOn(typeof(WritePromotionManifestTask))]
[SupportsDryRun]
public sealed class TagMilestoneTask : FrostingTask
{
    /// <inheritdoc/>
    public override void Run(ICakeContext context) => CheckedPromotion.Of(context, "TagMilestone").TagMilestone();
}
