using Cake.Release.GitOps;
using Cake.Release.Manifests;

namespace Cake.Release.Notifications;

/// <summary>What a promotion tells the team: who moved which version of which service where, and on whose approval.</summary>
/// <param name="Service">The service.</param>
/// <param name="Version">The release version.</param>
/// <param name="From">The source environment.</param>
/// <param name="To">The target environment.</param>
/// <param name="By">The promoter.</param>
/// <param name="Approvers">The approvers, possibly none.</param>
/// <param name="Image">The image repository.</param>
/// <param name="Digest">The digest that now runs in <paramref name="To"/>.</param>
/// <param name="Commit">The source commit.</param>
/// <param name="CommitUrl">The commit's page when the remote is GitHub, GitLab or Bitbucket; null otherwise.</param>
public sealed record PromotionNotice(
    string Service,
    string Version,
    string From,
    string To,
    string By,
    IReadOnlyList<string> Approvers,
    string Image,
    string Digest,
    string Commit,
    string? CommitUrl)
{
    /// <summary>The exceptions the promotion went past its gates on (break-glass, a short soak), each shown as a fact.</summary>
    public IReadOnlyList<Waiver> Waivers { get; init; } = [];

    /// <summary>Whether <see cref="Approvers"/> were verified (on a forge); names typed with --approver are not, and show as such.</summary>
    public bool ApproversVerified { get; init; }

    /// <summary>The approvers as people read them: <c>bob (unverified), carol (unverified)</c>, or "no approval required".</summary>
    public string ApprovedBy => Approvers.Count == 0 ? "no approval required" : string.Join(", ", Approvers.Select(a => ApprovedByTrailer.Value(a, ApproversVerified)));

    /// <summary>The one-line summary every channel starts with.</summary>
    public string Title => $"{Service} {Version} promoted {From} → {To}";

    /// <summary>The facts as label and value, in the order the cards show them.</summary>
    public IReadOnlyList<(string Label, string Value)> Facts =>
    [
        ("Service", Service),
        ("Version", Version),
        ("From → to", $"{From} → {To}"),
        ("Promoted by", By),
        ("Approved by", ApprovedBy),
        .. Waivers.Select(w => (w.Label, w.Text)),
        ("Image", $"{Image}@{Digest}"),
        ("Commit", Commit),
    ];
}
