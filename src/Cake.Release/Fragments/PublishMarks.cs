namespace Cake.Release.Fragments;

/// <summary>
/// What the publish marks (<see cref="FragmentSchema.MarksPartition"/>) say about who publishes: a mark
/// <c>{repository}@{environment}</c> per environment history a repository publishes, <c>{repository}#tags</c> for its
/// release tags.
/// </summary>
/// <param name="Repositories">The repositories, ordered.</param>
/// <param name="Environments">The environment names of every repository, ordered, each once.</param>
/// <param name="EnvironmentsOf">Each repository's environment names, ordered.</param>
public sealed record PublishMarks(IReadOnlyList<string> Repositories, IReadOnlyList<string> Environments, IReadOnlyDictionary<string, IReadOnlyList<string>> EnvironmentsOf)
{
    /// <summary>The marks of these sort keys; a key of neither shape is ignored (a later version's mark).</summary>
    /// <param name="keys">The sort keys of the marks partition.</param>
    public static PublishMarks Parse(IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var repositories = new SortedSet<string>(StringComparer.Ordinal);
        var environments = new SortedSet<string>(StringComparer.Ordinal);
        var of = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            // A repository name holds neither @ nor # (PublishConfig refuses them), an environment name neither.
            if (key.LastIndexOf('@') is var at and > 0 && at < key.Length - 1)
            {
                repositories.Add(key[..at]);
                environments.Add(key[(at + 1)..]);
                if (!of.TryGetValue(key[..at], out var own))
                {
                    of[key[..at]] = own = new SortedSet<string>(StringComparer.Ordinal);
                }

                own.Add(key[(at + 1)..]);
            }
            else if (key.EndsWith("#tags", StringComparison.Ordinal) && key.Length > 5)
            {
                repositories.Add(key[..^5]);
            }
        }

        return new PublishMarks([.. repositories], [.. environments], of.ToDictionary(r => r.Key, r => (IReadOnlyList<string>)[.. r.Value], StringComparer.Ordinal));
    }
}
