using Cake.Release.Versioning;

namespace Cake.Release.Promotion;

/// <summary>What the person (or pipeline) asked for: one service into one environment.</summary>
/// <param name="Service">The service of release.yaml.</param>
/// <param name="Target">The environment promoted into.</param>
/// <param name="From">The environment the caller believes the version comes from; null means the target's <c>from</c>.</param>
/// <param name="Version">An explicit release version (<c>--version</c>), or null.</param>
/// <param name="Bump">A bump rule (<c>--bump</c>), or null for the default: the source's version, else auto.</param>
/// <param name="Promoter">Who promotes (<c>--by</c>, the CI actor or the git user).</param>
/// <param name="Approvers">The <c>--approver</c>s, as given.</param>
public sealed record PromotionRequest(
    string Service,
    string Target,
    string? From,
    string? Version,
    VersionBump? Bump,
    string Promoter,
    IReadOnlyList<string> Approvers)
{
    /// <summary>Why a promotion goes ahead during a change window (<c>--break-glass</c>), or null.</summary>
    public string? BreakGlass { get; init; }
}
