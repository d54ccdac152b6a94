using Cake.Release.Manifests;

namespace Cake.Release.GitOps;

/// <summary>
/// The message of a manifest commit: a subject a person reads in <c>git log --oneline</c>, and trailers a
/// program reads back (<c>git log --format=%(trailers)</c>) for audits, rollback and metrics.
/// </summary>
/// <param name="Action">The verb of the subject: <c>promote</c>, <c>deploy</c>, <c>rollback</c>.</param>
/// <param name="Service">The service written.</param>
/// <param name="Version">The version it now runs.</param>
/// <param name="Digest">The image digest, when known.</param>
/// <param name="Environment">The environment written.</param>
/// <param name="From">The environment the version came from, if any.</param>
/// <param name="PromotedBy">Who moved it.</param>
/// <param name="ApprovedBy">Who approved it, one trailer each.</param>
/// <param name="SourceCommit">The commit the image was built from.</param>
/// <param name="ConfigCommit">The commit the configuration was rendered from, when not <paramref name="SourceCommit"/>.</param>
/// <param name="Trailers">More trailers, each <c>Key: value</c>: the pull request and who merged it, for a promotion by pull request.</param>
public sealed record ManifestCommitMessage(
    string Action,
    string Service,
    string Version,
    string? Digest,
    string Environment,
    string? From,
    string PromotedBy,
    IReadOnlyList<string> ApprovedBy,
    string SourceCommit,
    string? ConfigCommit = null,
    IReadOnlyList<string>? Trailers = null)
{
    /// <summary>The exceptions the release went past its gates on, one trailer each (<c>Break-Glass: …</c>, <c>Short-Soak: …</c>).</summary>
    public IReadOnlyList<Waiver> Waivers { get; init; } = [];

    /// <summary>
    /// Whether <see cref="ApprovedBy"/> were verified (on a forge). Names typed with <c>--approver</c> are not, and their
    /// trailers say so: <c>Approved-by: bob (unverified)</c> (<see cref="ApprovedByTrailer"/>).
    /// </summary>
    public bool ApproversVerified { get; init; }

    /// <summary><c>promote(blue): 1.6.1 staging → production</c>, or <c>deploy(blue): sha-3f2c1a0 → dev</c> without a source.</summary>
    public string Subject => From is null
        ? $"{Action}({Service}): {Version} → {Environment}"
        : $"{Action}({Service}): {Version} {From} → {Environment}";

    /// <summary>The full message: subject, blank line, trailers; refused when a value would break out of its line.</summary>
    public override string ToString()
    {
        // The last guard before git: whatever path a value took, it cannot add a line (a trailer) of its own.
        string?[] values = [Action, Service, Version, Digest, Environment, From, PromotedBy, SourceCommit, ConfigCommit, .. ApprovedBy, .. Waivers.Select(w => w.Text), .. Trailers ?? []];
        foreach (var value in values.OfType<string>())
        {
            AuditText.OneLine(value, "A value of the manifest commit");
        }

        var trailers = new List<string> { $"Service: {Service}", $"Version: {Version}" };
        if (Digest is not null)
        {
            trailers.Add($"Digest: {Digest}");
        }

        trailers.Add($"Promoted-by: {PromotedBy}");
        trailers.AddRange(ApprovedBy.Select(approver => $"Approved-by: {ApprovedByTrailer.Value(approver, ApproversVerified)}"));
        trailers.AddRange(Waivers.Select(waiver => $"{waiver.Trailer}: {waiver.Text}"));
        trailers.Add($"Source-Commit: {SourceCommit}");
        if (ConfigCommit is not null)
        {
            trailers.Add($"Config-Commit: {ConfigCommit}");
        }

        trailers.AddRange(Trailers ?? []);

        return $"{Subject}\n\n{string.Join('\n', trailers)}\n";
    }
}
