namespace Cake.Release.Promotion;

/// <summary>A promotion that failed one or more checks; nothing was changed. The plan carries every check.</summary>
public sealed class PromotionRefusedException : ReleaseException
{
    /// <summary>Creates the refusal for <paramref name="plan"/>.</summary>
    public PromotionRefusedException(PromotionPlan plan)
        : base(Describe(plan)) => Plan = plan;

    /// <summary>The checks (passed and failed) and what would have been released.</summary>
    public PromotionPlan Plan { get; }

    private static string Describe(PromotionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var failed = plan.Failed;
        return $"{plan.Service} cannot be promoted to {plan.Target}: {failed.Count} check(s) failed, nothing was changed: " +
            string.Join("; ", failed.Select(c => $"{c.Name}: {c.Reason}")) + ".";
    }
}
