namespace Cake.Release.Metrics;

/// <summary>One change of one service in one environment: what delivery metrics count.</summary>
/// <param name="Service">The service.</param>
/// <param name="Environment">The environment it changed in.</param>
/// <param name="Version">The version it then ran.</param>
/// <param name="Digest">The image digest it then ran; null for a chart-only service.</param>
/// <param name="SourceCommit">The commit the release was built (or configured) from, when recorded.</param>
/// <param name="Deployed">When the change took effect (the manifest's <c>deployed:</c>).</param>
/// <param name="Kind">Deploy, promote, rollback or hotfix.</param>
/// <param name="FirstCommitAt">
/// When the oldest change the release brought was committed (author time), when known: the start of its lead time.
/// </param>
public sealed record DeploymentEvent(
    string Service,
    string Environment,
    string Version,
    string? Digest,
    string? SourceCommit,
    DateTimeOffset Deployed,
    DeploymentKind Kind,
    DateTimeOffset? FirstCommitAt = null)
{
    /// <summary>Whether it shipped a change (deploy, promote, hotfix), as opposed to a rollback, which restores one that ran before.</summary>
    public bool IsDeployment => Kind != DeploymentKind.Rollback;
}
