namespace Cake.Release.Manifests;

/// <summary>One service's image going into one environment: what a manifest commit records.</summary>
/// <param name="Environment">The environment written.</param>
/// <param name="Service">The service.</param>
/// <param name="Version">The version it will run (a release version, or the build tag in an auto environment).</param>
/// <param name="Image">The image repository, as pulled (<c>registry.example.com/acme/blue</c>); null for a chart-only service.</param>
/// <param name="Digest">The image digest, when known; promotion moves this, never rebuilds.</param>
/// <param name="Commit">The source commit of the build.</param>
/// <param name="By">The promoter.</param>
/// <param name="From">The environment the version came from, if any.</param>
/// <param name="ApprovedBy">The approvers.</param>
/// <param name="At">When it is deployed.</param>
/// <param name="Config">The commit its configuration comes from, when not <paramref name="Commit"/>.</param>
public sealed record Deployment(
    string Environment,
    string Service,
    string Version,
    string? Image,
    string? Digest,
    string Commit,
    string By,
    string? From,
    IReadOnlyList<string> ApprovedBy,
    DateTimeOffset At,
    string? Config = null)
{
    /// <summary>The exceptions the release's gates let it through on (break-glass, a short soak), one trailer each.</summary>
    public IReadOnlyList<Waiver> Waivers { get; init; } = [];

    /// <summary>Whether <see cref="ApprovedBy"/> were verified (on a forge); names typed with --approver are not.</summary>
    public bool ApproversVerified { get; init; }
}
