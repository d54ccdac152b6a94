using Cake.Release.GitOps;
using Cake.Release.Registry;

namespace Cake.Release.Promotion;

/// <summary>What <see cref="RollbackAliases.Rollback"/> did (or, in a dry run, would do).</summary>
/// <param name="Environment">The environment rolled back.</param>
/// <param name="Service">The service rolled back.</param>
/// <param name="FromVersion">The version that ran before.</param>
/// <param name="Version">The version that runs now (or would).</param>
/// <param name="Digest">Its digest, as it ran before.</param>
/// <param name="Commit">Its source commit, as it ran before.</param>
/// <param name="Outcome">Already running, rolled back or planned.</param>
/// <param name="Retag">The environment tag's move; null when nothing was retagged (no <c>imageTag</c>, or nothing to do).</param>
/// <param name="Manifest">The manifest write; null when nothing was to do.</param>
public sealed record RollbackResult(
    string Environment,
    string Service,
    string FromVersion,
    string Version,
    string? Digest,
    string? Commit,
    RollbackOutcome Outcome,
    RetagResult? Retag,
    ManifestUpdateResult? Manifest)
{
    /// <summary>In promotion by pull request: the revert pull request opened or updated.</summary>
    public Forges.ForgePullRequest? PullRequest { get; init; }
}
