namespace Cake.Release.Promotion;

/// <summary>What <see cref="PromotionAliases.PromoteEnv"/> checked and did.</summary>
/// <param name="Plan">The checks and the planned release (version, tags, branch).</param>
/// <param name="Effects">The steps, in the order they ran.</param>
/// <param name="DryRun">Whether nothing was changed on purpose.</param>
public sealed record PromoteEnvResult(PromotionPlan Plan, IReadOnlyList<StepEffect> Effects, bool DryRun)
{
    /// <summary>In promotion by pull request, before the merge: the pull request opened or updated.</summary>
    public Forges.ForgePullRequest? PullRequest { get; init; }

    /// <summary>True when a re-run found everything already done.</summary>
    public bool NothingToDo => !DryRun && Effects.All(e => !e.Changed);
}
