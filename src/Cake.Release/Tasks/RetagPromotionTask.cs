using Cake.Core;
using Cake.Release.Hosting;

namespace Cake.Release.Tasks;

/// <summary>Moves the registry tags of the promotion <see cref="CheckPromotionTask"/> checked: the version and the target's imageTag, on the promoted digest.</summary>
[TaskName("RetagPromotion")]
[TaskDescription("Gives the checked promotion's image its version and the environment's imageTag (registry tags move, layers never do)")]
[IsDependentOn(typeof(CheckPromotionTask))]
[SupportsDryRun]
public sealed class RetagPromotionTask : FrostingTask
{
    /// <inheritdoc/>
    public override void Run(ICakeContext context) => CheckedPromotion.Of(context, "RetagPromotion").Retag();
}
