using Cake.Release.Config;
using Cake.Release.Manifests;

namespace Cake.Release.Reporting;

/// <summary>Builds the status matrix from the environment chain, the environments' manifests and the registry's answers.</summary>
public static class StatusMatrix
{
    /// <summary>
    /// The matrix of <paramref name="services"/> in <paramref name="environments"/>. Each cell gets <c>behind</c> when
    /// its environment's <c>from</c> runs a newer release (<see cref="DriftRules.IsBehind"/>), <c>digest-mismatch</c>
    /// when the registry's version tag names another digest, and <c>unverified</c> when the registry could not be read
    /// for it. An entry without a registry reading is simply not checked against the registry.
    /// </summary>
    /// <param name="environments">The configuration's environments; columns follow their promotion chain.</param>
    /// <param name="services">The services to show, in row order.</param>
    /// <param name="manifests">Each environment's manifest, or null (or absent) when it has none yet.</param>
    /// <param name="registry">The registry's answer per (environment, service) entry.</param>
    /// <param name="now">The clock the ages are relative to.</param>
    /// <param name="isAncestor">
    /// Whether one commit is in the history of another: in environments that render their configuration, a cell whose
    /// source runs a newer configuration of the same release gets <c>config-behind</c>. Not checked when null.
    /// </param>
    public static ReleaseStatus Build(
        IReadOnlyList<EnvironmentConfig> environments,
        IReadOnlyList<string> services,
        IReadOnlyDictionary<string, EnvironmentManifest?> manifests,
        IReadOnlyDictionary<(string Environment, string Service), VersionTagReading> registry,
        DateTimeOffset now,
        Func<string, string, bool>? isAncestor = null)
    {
        ArgumentNullException.ThrowIfNull(environments);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(manifests);
        ArgumentNullException.ThrowIfNull(registry);

        var ordered = ChainOrder(environments);
        var sources = environments.ToDictionary(e => e.Name, e => e.From, StringComparer.Ordinal);
        var rendered = environments.Where(e => e.Render is not null).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        ManifestEntry? EntryOf(string? environment, string service) =>
            environment is not null && manifests.GetValueOrDefault(environment) is { } manifest ? manifest.Entry(service) : null;

        var cells = new List<StatusCell>();
        foreach (var service in services)
        {
            foreach (var environment in ordered)
            {
                var entry = EntryOf(environment, service);
                var drift = new List<DriftMark>();
                var source = EntryOf(sources[environment], service);
                if (DriftRules.IsBehind(entry, source))
                {
                    drift.Add(DriftMark.Behind);
                }
                else if (isAncestor is not null && rendered.Contains(environment) && DriftRules.IsConfigurationBehind(entry, source, isAncestor))
                {
                    drift.Add(DriftMark.ConfigBehind);
                }

                if (entry is not null && registry.GetValueOrDefault((environment, service)) is { } reading)
                {
                    if (reading.Problem is not null)
                    {
                        drift.Add(DriftMark.Unverified);
                    }
                    else if (DriftRules.IsDigestMismatch(entry, reading.Digest))
                    {
                        drift.Add(DriftMark.DigestMismatch);
                    }
                }

                cells.Add(new StatusCell(service, environment, entry, entry is null ? null : EntryAge.Format(entry.Deployed, now), drift)
                {
                    Configuration = rendered.Contains(environment) ? entry?.Source : null,
                });
            }
        }

        return new ReleaseStatus(ordered, services, cells, now);
    }

    /// <summary>
    /// The environments along their promotion chains: each chain's start in file order, then what is promoted from it,
    /// depth first, so dev, staging, production read left to right and a side branch (dev → qa) follows its chain.
    /// </summary>
    /// <param name="environments">The configuration's environments.</param>
    public static IReadOnlyList<string> ChainOrder(IReadOnlyList<EnvironmentConfig> environments)
    {
        ArgumentNullException.ThrowIfNull(environments);
        var names = environments.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var order = new List<string>();
        void Visit(EnvironmentConfig environment)
        {
            if (order.Contains(environment.Name))
            {
                return;
            }

            order.Add(environment.Name);
            foreach (var target in environments.Where(e => e.From == environment.Name))
            {
                Visit(target);
            }
        }

        foreach (var start in environments.Where(e => e.From is null || !names.Contains(e.From)))
        {
            Visit(start);
        }

        // The loader refuses cycles; anything a cycle would strand still gets a column.
        order.AddRange(environments.Select(e => e.Name).Where(n => !order.Contains(n)));
        return order;
    }
}
