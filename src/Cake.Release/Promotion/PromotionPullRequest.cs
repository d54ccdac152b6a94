using Cake.Release.Forges;

namespace Cake.Release.Promotion;

/// <summary>What the forge says about a promotion's pull request, read with the other facts before anything changes.</summary>
/// <param name="Forge">GitHub or GitLab.</param>
/// <param name="Noun">"pull request" or "merge request".</param>
/// <param name="Head">The promotion branch, <c>promote/{env}/{service}-{version}</c>.</param>
/// <param name="Current">The open pull request from <paramref name="Head"/>, else the merged one, else null.</param>
/// <param name="Reviews">Its reviews (read once it is merged: they decide whether the merge completes).</param>
/// <param name="Problem">Why the forge could not be asked, or null.</param>
public sealed record PromotionPullRequest(string Forge, string Noun, string Head, ForgePullRequest? Current, IReadOnlyList<ForgeReview> Reviews, string? Problem = null)
{
    /// <summary>The promotion branch of one release into one environment.</summary>
    public static string Branch(string environment, string service, string version) => $"promote/{environment}/{service}-{version}";

    /// <summary>
    /// Whether <paramref name="head"/> is a branch of the same kind (<c>promote</c>, <c>rollback</c>, <c>backport</c>),
    /// environment and service with another version: a proposal a newer one supersedes. The version must follow the
    /// prefix whole, so blue's proposals never take blue-green's for their own.
    /// </summary>
    public static bool Supersedes(string kind, string environment, string service, string head)
    {
        ArgumentNullException.ThrowIfNull(head);
        var prefix = $"{kind}/{environment}/{service}-";
        return head.StartsWith(prefix, StringComparison.Ordinal) && Versioning.ReleaseVersion.TryParse(head[prefix.Length..], out _, out _);
    }

    /// <summary>Whether the pull request was merged: the run completes the promotion instead of proposing it.</summary>
    public bool Merged => Current?.State == PullRequestState.Merged;
}
