using Cake.Release.Forges;
using Cake.Release.Promotion;

namespace Cake.Release.Tests.Promotion;

/// <summary>Which approving reviews count: each reviewer's latest verdict, on the latest commit, by someone other than the author and the promoter.</summary>
public sealed class PullRequestApprovalsTests
{
    private const string Head = "2222222222222222222222222222222222222222";
    private const string Earlier = "1111111111111111111111111111111111111111";

    private static readonly ForgePullRequest PullRequest = new(7, "https://github.com/acme/shop/pull/7", "promote(blue): 1.6.1 staging → production", "", "promote/production/blue-1.6.1",
        "gitops/production", Head, "release-bot", true, PullRequestState.Merged, "3333333333333333333333333333333333333333", "carol");

    [Fact]
    public void Distinct_reviewers_on_the_latest_commit_count_once_each()
    {
        var approvals = PullRequestApprovals.Count(PullRequest, [Review("bob", true, Head, 1), Review("BOB", true, Head, 2), Review("carol", true, Head, 3)], "alice");

        // Logins are case-insensitive on both forges; the latest review's spelling is shown.
        Assert.Equal(["BOB", "carol"], approvals.Approvers);
        Assert.Empty(approvals.Ignored);
    }

    [Fact]
    public void The_author_and_the_promoter_never_count_and_the_reason_says_why()
    {
        var approvals = PullRequestApprovals.Count(PullRequest, [Review("release-bot", true, Head, 1), Review("Alice", true, Head, 2), Review("bob", true, Head, 3)], "alice");

        Assert.Equal(["bob"], approvals.Approvers);
        Assert.Equal(["release-bot (opened it)", "Alice (the promoter)"], approvals.Ignored);
        Assert.Equal("bob; not counted: release-bot (opened it), Alice (the promoter)", approvals.Describe());
    }

    [Fact]
    public void An_approval_of_an_earlier_commit_does_not_approve_the_latest()
    {
        var approvals = PullRequestApprovals.Count(PullRequest, [Review("bob", true, Earlier, 1), Review("carol", true, null, 2)], "alice");

        Assert.Equal(["carol"], approvals.Approvers);
        Assert.Equal(["bob (approved 1111111, not the latest commit 2222222)"], approvals.Ignored);
    }

    [Fact]
    public void A_later_change_request_or_dismissal_withdraws_an_approval_and_a_later_approval_restores_it()
    {
        var withdrawn = PullRequestApprovals.Count(PullRequest, [Review("bob", true, Head, 1), Review("bob", false, Head, 2), Review("carol", false, Head, 3)], "alice");
        var restored = PullRequestApprovals.Count(PullRequest, [Review("bob", false, Head, 1), Review("bob", true, Head, 2)], "alice");

        Assert.Empty(withdrawn.Approvers);
        Assert.Equal("no approving review that counts", withdrawn.Describe());
        Assert.Equal(["bob"], restored.Approvers);
    }

    private static ForgeReview Review(string user, bool approved, string? commit, long order) => new(user, approved, commit, order);
}
