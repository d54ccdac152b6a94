using Cake.Core;
using Cake.Release.Promotion;
using Cake.Release.Session;

namespace Cake.Release.Tasks;

/// <summary>The promotion <see cref="CheckPromotionTask"/> checked in this run, for the step tasks after it.</summary>
internal static class CheckedPromotion
{
    public static PromotionRun Of(ICakeContext context, string task) =>
        ReleaseSession.Of(context).Find<PromotionRun>()
        ?? throw new ReleaseException($"{task} has no checked promotion: it runs after CheckPromotion in the same run. Run --target=PromoteStaging (or PromoteEnv --to=<env>), which runs the checks and every step, instead of {task} with --exclusive.");
}
