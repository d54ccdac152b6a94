using Cake.Release.Fragments;

namespace Cake.Release.Reporting;

/// <summary>
/// Which environments each repository has, as the release record shows it: those its publish marks name, and those
/// any of its components runs in now. A cell of a repository in an environment it does not have is empty, not drift.
/// </summary>
public static class RepositoryEnvironments
{
    /// <summary>Repository → its environment names.</summary>
    /// <param name="current">What runs now.</param>
    /// <param name="published">The publish marks' environments per repository, or null.</param>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Of(IEnumerable<ReleaseFragment> current, IReadOnlyDictionary<string, IReadOnlyList<string>>? published)
    {
        ArgumentNullException.ThrowIfNull(current);
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Add(string repository, string environment)
        {
            if (!result.TryGetValue(repository, out var set))
            {
                result[repository] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(environment);
        }

        foreach (var fact in current)
        {
            if (fact.Environment is { } environment)
            {
                Add(fact.Repository, environment);
            }
        }

        foreach (var (repository, environments) in published ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            foreach (var environment in environments)
            {
                Add(repository, environment);
            }
        }

        return result.ToDictionary(r => r.Key, r => (IReadOnlySet<string>)r.Value, StringComparer.Ordinal);
    }
}
