namespace Cake.Release.Config;

/// <summary>How a promotion reaches an environment's branch (<c>promotion:</c>).</summary>
public enum PromotionMode
{
    /// <summary>The promotion's commit is pushed to the branch by the run itself.</summary>
    Push,

    /// <summary>
    /// The same commit is pushed to a promotion branch and proposed as a pull (merge) request; its merge is the gate,
    /// and the run after the merge completes what follows it (tags, notifications).
    /// </summary>
    PullRequest,
}
