namespace Cake.Release.Promotion;

/// <summary>What a promotion checked and what it will change, in the order it changes it.</summary>
/// <param name="Service">The service.</param>
/// <param name="From">The source environment (the target's <c>from</c>), or null when the target has none.</param>
/// <param name="Target">The environment promoted into.</param>
/// <param name="Version">The release version, or null when none could be chosen.</param>
/// <param name="Digest">The digest promoted (the source's), or null.</param>
/// <param name="Commit">The source commit of the build, or null.</param>
/// <param name="Checks">Every check, passed or failed.</param>
/// <param name="RegistryTags">The tags the image gets: the version and the target's <c>imageTag</c>.</param>
/// <param name="Names">The release branch, release tag and milestone tag; null without a version.</param>
/// <param name="Notify">The kinds of the target's <c>notify:</c> entries (teams, slack, webhook), in order.</param>
/// <param name="AlreadyDone">The target already runs this version and digest: a re-run, which only completes steps left undone.</param>
public sealed record PromotionPlan(
    string Service,
    string? From,
    string Target,
    string? Version,
    string? Digest,
    string? Commit,
    IReadOnlyList<PromotionCheck> Checks,
    IReadOnlyList<string> RegistryTags,
    PromotionNames? Names,
    IReadOnlyList<string> Notify,
    bool AlreadyDone)
{
    /// <summary>
    /// For a chart-only service (<c>image: false</c>): the chart release tag that is the promoted version
    /// (<c>payments/chart-0.4.0</c>). The promotion then retags nothing and pushes no release branch or tag, since the
    /// chart's tag already marks the release and never moves. Null for an image.
    /// </summary>
    public string? ChartTag { get; init; }

    /// <summary>Whether every check passed, so the promotion may change something.</summary>
    public bool Allowed => Checks.All(c => c.Passed);

    /// <summary>The exceptions the checks let the promotion through on, in check order: recorded in its manifest commit and notification.</summary>
    public IReadOnlyList<Manifests.Waiver> Waivers => Checks.Select(c => c.Waiver).OfType<Manifests.Waiver>().ToList();

    /// <summary>The checks that failed.</summary>
    public IReadOnlyList<PromotionCheck> Failed => Checks.Where(c => !c.Passed).ToList();
}
