using Cake.Core;
using Cake.Release.Hosting;

namespace Cake.Release.Tasks;

/// <summary>Notifies the target environment's <c>notify:</c> webhooks that have no delivery record of this promotion; never fails the run.</summary>
[TaskName("NotifyPromotion")]
[TaskDescription("Sends the promotion to the environment's notify: webhooks that have not heard of it")]
[IsDependentOn(typeof(TagMilestoneTask))]
[SupportsDryRun]
public sealed class NotifyPromotionTask : FrostingTask
{
    /// <inheritdoc/>
    public override void Run(ICakeContext context) => CheckedPromotion.Of(context, "NotifyPromotion").Notify();
}
