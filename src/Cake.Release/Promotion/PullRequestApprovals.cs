using Cake.Release.Forges;

namespace Cake.Release.Promotion;

/// <summary>
/// The approvals a merged (or open) pull request carries, counted the way a four-eyes rule means them: each reviewer's
/// latest verdict, on the pull request's latest commit, by someone other than its author and the promoter. Pure: the
/// reviews are read by the caller.
/// </summary>
/// <param name="Approvers">Who counts, in the order they approved.</param>
/// <param name="Ignored">Who approved and does not count, each with why.</param>
public sealed record PullRequestApprovals(IReadOnlyList<string> Approvers, IReadOnlyList<string> Ignored)
{
    /// <summary>Counts the approvals of <paramref name="pullRequest"/>.</summary>
    public static PullRequestApprovals Count(ForgePullRequest pullRequest, IReadOnlyList<ForgeReview> reviews, string promoter)
    {
        ArgumentNullException.ThrowIfNull(pullRequest);
        ArgumentNullException.ThrowIfNull(reviews);
        var approvers = new List<string>();
        var ignored = new List<string>();
        var verdicts = reviews.GroupBy(r => r.User, StringComparer.OrdinalIgnoreCase).Select(g => g.MaxBy(r => r.Order)!).OrderBy(r => r.Order);
        foreach (var review in verdicts.Where(r => r.Approved))
        {
            if (review.User.Equals(pullRequest.Author, StringComparison.OrdinalIgnoreCase))
            {
                ignored.Add($"{review.User} (opened it)");
            }
            else if (review.User.Equals(promoter, StringComparison.OrdinalIgnoreCase))
            {
                ignored.Add($"{review.User} (the promoter)");
            }
            else if (review.Commit is not null && !review.Commit.Equals(pullRequest.HeadCommit, StringComparison.OrdinalIgnoreCase))
            {
                ignored.Add($"{review.User} (approved {ShortCommit.Of(review.Commit)}, not the latest commit {ShortCommit.Of(pullRequest.HeadCommit)})");
            }
            else
            {
                approvers.Add(review.User);
            }
        }

        return new PullRequestApprovals(approvers, ignored);
    }

    /// <summary>"bob, carol" and, where some did not count, why: for check lines.</summary>
    public string Describe() =>
        (Approvers.Count == 0 ? "no approving review that counts" : string.Join(", ", Approvers))
        + (Ignored.Count == 0 ? "" : $"; not counted: {string.Join(", ", Ignored)}");
}
