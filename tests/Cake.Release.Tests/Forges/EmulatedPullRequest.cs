namespace Cake.Release.Tests.Forges;

/// <summary>
/// A snapshot of one pull request (GitHub) or merge request (GitLab) the forge emulator holds. State is open, closed
/// or merged on both forges; the head commit is the head branch's commit in the bare repository at snapshot time.
/// </summary>
public sealed record EmulatedPullRequest(
    int Number,
    string Title,
    string Body,
    string Head,
    string Base,
    bool Draft,
    string State,
    string Author,
    IReadOnlyList<string> Labels,
    IReadOnlyList<string> Comments,
    string HeadSha,
    string? MergeCommitSha,
    string Url);
