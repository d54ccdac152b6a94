namespace Cake.Release.Fragments;

/// <summary>
/// One fact of the central release record (seed 001's <c>ReleaseFragments</c> table): a component's version was
/// released (<see cref="Environment"/> null) or reached an environment at <see cref="At"/>. Facts are never edited:
/// a rollback is a new fact (the older version reaching the environment again), so the table holds each
/// environment's history, and its current state is each component's newest fact there.
/// </summary>
public sealed record ReleaseFragment
{
    /// <summary>The version released or deployed, e.g. <c>1.6.1</c>: the partition key.</summary>
    public required string Version { get; init; }

    /// <summary>The kind of component (<c>backend</c>, <c>frontend</c>, <c>kafka</c>, <c>infra</c>, <c>k8s</c>).</summary>
    public required string Kind { get; init; }

    /// <summary>The repository that released it, e.g. <c>github.com/acme/shop</c>.</summary>
    public required string Repository { get; init; }

    /// <summary>The service (component) within the repository.</summary>
    public required string Service { get; init; }

    /// <summary>The environment it reached, or null for the release itself (a tag, a chart version).</summary>
    public string? Environment { get; init; }

    /// <summary>When it reached the environment (the manifest's <c>deployed:</c>), or when it was released.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>What brought it there: <see cref="FragmentActions"/>.</summary>
    public required string Action { get; init; }

    /// <summary>The source commit of the build.</summary>
    public string? Commit { get; init; }

    /// <summary>The image repository, e.g. <c>registry.example.com/acme/blue</c>; null for a chart.</summary>
    public string? Image { get; init; }

    /// <summary>The image digest that runs; null for a chart.</summary>
    public string? Digest { get; init; }

    /// <summary>The chart version, for a chart release or a chart deployment.</summary>
    public string? ChartVersion { get; init; }

    /// <summary>The environment it was promoted from.</summary>
    public string? From { get; init; }

    /// <summary>Who deployed it (the manifest's <c>by:</c>).</summary>
    public string? By { get; init; }

    /// <summary>Who approved it, as the manifest commit's <c>Approved-by:</c> trailers say (with their <c>(unverified)</c> mark).</summary>
    public IReadOnlyList<string> ApprovedBy { get; init; } = [];

    /// <summary>The git commit that recorded the fact: the manifest commit on the environment's branch, or the release tag's commit.</summary>
    public required string Record { get; init; }

    /// <summary>The release tag, e.g. <c>blue/1.6.1</c>, for a release fact.</summary>
    public string? Tag { get; init; }

    /// <summary>The component across repositories: <c>{repository}/{service}</c>.</summary>
    public string ComponentId => $"{Repository}/{Service}";

    /// <summary>
    /// The sort key: the seed's <c>component#name</c> (<c>backend#github.com/acme/shop/blue</c>) for a release; a
    /// deployment adds where and when (<c>…@production#2026-12-07T10:04:00Z</c>), because a version may reach an
    /// environment more than once (a rollback) and each time is a fact of its own.
    /// </summary>
    public string SortKey => Environment is null
        ? $"{Kind}#{ComponentId}"
        : $"{Kind}#{ComponentId}@{Environment}#{FragmentTime.Format(At)}";

    /// <summary>Same fact: every field equal, approvers in order (a record's default would compare the list's reference).</summary>
    public bool Equals(ReleaseFragment? other) =>
        other is not null
        && (Version, Kind, Repository, Service, Environment, At, Action, Commit, Image, Digest, ChartVersion, From, By, Record, Tag)
            == (other.Version, other.Kind, other.Repository, other.Service, other.Environment, other.At, other.Action, other.Commit, other.Image, other.Digest, other.ChartVersion, other.From, other.By, other.Record, other.Tag)
        && ApprovedBy.SequenceEqual(other.ApprovedBy, StringComparer.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Version, SortKey, Record);
}
