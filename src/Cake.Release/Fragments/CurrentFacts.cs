namespace Cake.Release.Fragments;

/// <summary>
/// What runs in each environment now, from the facts marked current. Two publishers racing on one component may each
/// leave their fact marked current for a moment (FragmentSchema: the sparse current-index), so the reduction is
/// defensive: per component and environment the newest <see cref="ReleaseFragment.At"/> wins, and on a tie the
/// greater sort key, so every reader picks the same fact.
/// </summary>
public static class CurrentFacts
{
    /// <summary>One fact per (component, environment); facts without an environment (releases) are not deployments and are left out.</summary>
    /// <param name="facts">Facts marked current, in any order, possibly two for one component and environment.</param>
    public static IReadOnlyDictionary<(string ComponentId, string Environment), ReleaseFragment> Reduce(IEnumerable<ReleaseFragment> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var current = new Dictionary<(string, string), ReleaseFragment>();
        foreach (var fact in facts)
        {
            if (fact.Environment is not { } environment)
            {
                continue;
            }

            var key = (fact.ComponentId, environment);
            if (!current.TryGetValue(key, out var known) || Newer(fact, known))
            {
                current[key] = fact;
            }
        }

        return current;
    }

    /// <summary>Whether <paramref name="fact"/> supersedes <paramref name="other"/> of the same component and environment.</summary>
    public static bool Newer(ReleaseFragment fact, ReleaseFragment other)
    {
        ArgumentNullException.ThrowIfNull(fact);
        ArgumentNullException.ThrowIfNull(other);
        var at = fact.At.CompareTo(other.At);
        return at > 0 || (at == 0 && string.CompareOrdinal(fact.SortKey, other.SortKey) > 0);
    }
}
