namespace Cake.Release.Forges;

/// <summary>What one reviewer said about a pull request, as the forge reports it.</summary>
/// <param name="User">The reviewer's login (GitHub) or username (GitLab).</param>
/// <param name="Approved">True for an approval; false for a change request or a dismissed review, which withdraw one.</param>
/// <param name="Commit">The head commit the review was given on; null where the forge does not say (GitLab approvals).</param>
/// <param name="Order">The review's place in time among this pull request's reviews; the latest of a user's reviews is their verdict.</param>
public sealed record ForgeReview(string User, bool Approved, string? Commit, long Order);
