namespace Cake.Release.Forges;

/// <summary>Where a pull (merge) request stands.</summary>
public enum PullRequestState
{
    /// <summary>Open, waiting for reviews and a merge.</summary>
    Open,

    /// <summary>Closed without a merge.</summary>
    Closed,

    /// <summary>Merged into its base branch.</summary>
    Merged,
}

/// <summary>A pull request (GitHub) or merge request (GitLab) as the forge reports it.</summary>
/// <param name="Number">The number (GitHub) or iid (GitLab) within the repository.</param>
/// <param name="Url">The page people open.</param>
/// <param name="Title">The title.</param>
/// <param name="Body">The description.</param>
/// <param name="Head">The branch it proposes.</param>
/// <param name="Base">The branch it merges into.</param>
/// <param name="HeadCommit">The commit at the head of the proposed branch.</param>
/// <param name="Author">Who opened it (the token's user).</param>
/// <param name="Draft">Whether it is a draft.</param>
/// <param name="State">Open, closed or merged.</param>
/// <param name="MergeCommit">The commit the merge made on the base branch, once merged.</param>
/// <param name="MergedBy">Who merged it, once merged.</param>
/// <param name="MergedAt">When it was merged.</param>
public sealed record ForgePullRequest(
    int Number,
    string Url,
    string Title,
    string Body,
    string Head,
    string Base,
    string HeadCommit,
    string Author,
    bool Draft,
    PullRequestState State,
    string? MergeCommit = null,
    string? MergedBy = null,
    DateTimeOffset? MergedAt = null);
