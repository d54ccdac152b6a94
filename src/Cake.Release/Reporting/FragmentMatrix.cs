using Cake.Release.Config;
using Cake.Release.Fragments;
using Cake.Release.Manifests;

namespace Cake.Release.Reporting;

/// <summary>
/// The status matrix of the central release record: a row per component of every repository that publishes, a
/// column per environment name, the same cells as the matrix read from git. Drift: <c>behind</c> by
/// <see cref="DriftRules.IsBehind"/> against the environment the cell's fact was promoted from (else the one the
/// environment is usually promoted from), and <c>incomplete</c> by <see cref="IncompleteReleases"/>. The registry is not
/// read (the components live in many registries), so no cell is checked for a digest mismatch.
/// </summary>
public static class FragmentMatrix
{
    /// <summary>The matrix.</summary>
    /// <param name="current">What runs now, per (component, environment) (<see cref="CurrentFacts.Reduce"/>).</param>
    /// <param name="releases">The facts of each version partition running somewhere, for the incomplete mark.</param>
    /// <param name="environments">Every environment to show (those that publish), in any order.</param>
    /// <param name="chain">This repository's environments when a release.yaml was read: their order and <c>from</c> come first.</param>
    /// <param name="now">The clock the ages are relative to.</param>
    /// <param name="published">The environments each repository publishes (the publish marks), or null.</param>
    public static ReleaseStatus Build(
        IReadOnlyDictionary<(string ComponentId, string Environment), ReleaseFragment> current,
        IReadOnlyDictionary<string, IReadOnlyList<ReleaseFragment>> releases,
        IEnumerable<string> environments,
        IReadOnlyList<EnvironmentConfig>? chain,
        DateTimeOffset now,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? published = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(releases);
        ArgumentNullException.ThrowIfNull(environments);
        var columns = EnvironmentOrder.Of(environments.Concat(current.Keys.Select(k => k.Environment)), chain);
        var incomplete = IncompleteReleases.Find(current, releases, published);
        var environmentsOf = RepositoryEnvironments.Of(current.Values, published);

        var components = new Dictionary<string, StatusComponent>(StringComparer.Ordinal);
        foreach (var fact in current.Values.Concat(releases.Values.SelectMany(f => f)))
        {
            components.TryAdd(fact.ComponentId, new StatusComponent(fact.Repository, fact.Kind, fact.Service));
        }

        var rows = current.Keys.Select(k => k.ComponentId).Concat(incomplete.Keys.Select(k => k.ComponentId))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(id => components[id].Repository, StringComparer.Ordinal)
            .ThenBy(id => KindOrder(components[id].Kind))
            .ThenBy(id => components[id].Service, StringComparer.Ordinal)
            .ToList();

        var sources = Sources(current.Values, chain);
        var ownSources = current.Values.Where(f => f.From is not null && f.From != f.Environment)
            .GroupBy(f => (f.Repository, f.Environment!))
            .ToDictionary(g => g.Key, g => g.GroupBy(f => f.From!, StringComparer.Ordinal).OrderByDescending(f => f.Count()).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key);
        ManifestEntry? EntryOf(string id, string? environment) =>
            environment is not null && current.GetValueOrDefault((id, environment)) is { } fact ? Entry(fact) : null;

        var cells = new List<StatusCell>();
        foreach (var id in rows)
        {
            foreach (var environment in columns)
            {
                var entry = EntryOf(id, environment);
                var repository = components[id].Repository!;
                var has = environmentsOf.TryGetValue(repository, out var known) && known.Contains(environment);
                var from = entry?.From ?? ownSources.GetValueOrDefault((repository, environment)) ?? sources.GetValueOrDefault(environment);
                var drift = new List<DriftMark>();
                if (has && from is not null && from != environment && DriftRules.IsBehind(entry, EntryOf(id, from)))
                {
                    drift.Add(DriftMark.Behind);
                }

                var note = incomplete.GetValueOrDefault((id, environment));
                if (note is not null)
                {
                    drift.Add(DriftMark.Incomplete);
                }

                cells.Add(new StatusCell(id, environment, entry, entry is null ? null : EntryAge.Format(entry.Deployed, now), drift) { Incomplete = note });
            }
        }

        return new ReleaseStatus(columns, rows, cells, now) { Components = components };
    }

    /// <summary>A fact as the manifest entry the writers show.</summary>
    public static ManifestEntry Entry(ReleaseFragment fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return new ManifestEntry(fact.Version, fact.Image, fact.Digest, fact.Commit, fact.At, fact.By, fact.From);
    }

    private static int KindOrder(string kind) =>
        ComponentKinds.All.ToList().IndexOf(kind) is var index and >= 0 ? index : ComponentKinds.All.Count;

    // Where each environment is promoted from, for a cell with nothing running: what the repository's own facts there
    // were promoted from, else this repository's chain where it names one, else what most facts running there were
    // promoted from (repositories agree on their chains far more often than not). Only for a repository that has
    // the environment: ledger's cell in shop's "staging" is empty, not behind.
    private static Dictionary<string, string> Sources(IEnumerable<ReleaseFragment> current, IReadOnlyList<EnvironmentConfig>? chain)
    {
        var sources = current.Where(f => f.Environment is not null && f.From is not null && f.From != f.Environment)
            .GroupBy(f => f.Environment!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.GroupBy(f => f.From!, StringComparer.Ordinal).OrderByDescending(f => f.Count()).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key, StringComparer.Ordinal);
        foreach (var environment in chain ?? [])
        {
            if (environment.From is { } from)
            {
                sources[environment.Name] = from;
            }
        }

        return sources;
    }
}
