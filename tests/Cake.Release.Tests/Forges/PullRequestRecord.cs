namespace Cake.Release.Tests.Forges;

/// <summary>The forge emulator's own, mutable record of one pull request (GitHub) or merge request (GitLab).</summary>
internal sealed class PullRequestRecord
{
    public required int Number { get; init; }

    public required long Id { get; init; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    public required string Head { get; init; }

    public required string Base { get; set; }

    public required bool Draft { get; set; }

    /// <summary>open, closed or merged.</summary>
    public string State { get; set; } = "open";

    public required string Author { get; init; }

    public List<string> Labels { get; } = [];

    public List<ForgeComment> Comments { get; } = [];

    public List<ForgeReview> Reviews { get; } = [];

    /// <summary>The last head commit seen; while the pull request is open it is read afresh from the bare repository.</summary>
    public required string HeadSha { get; set; }

    public string? MergeCommitSha { get; set; }

    public string? MergedBy { get; set; }

    public string? ClosedBy { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public DateTimeOffset? MergedAt { get; set; }
}

/// <summary>A comment (GitHub issue comment, GitLab note) on a pull request.</summary>
internal sealed record ForgeComment(long Id, string Author, string Body, DateTimeOffset CreatedAt);

/// <summary>A review (GitHub: APPROVED, CHANGES_REQUESTED, COMMENTED, PENDING) or a GitLab approval (APPROVED).</summary>
internal sealed record ForgeReview(long Id, string User, string State, string Body, string? CommitId, DateTimeOffset SubmittedAt);
