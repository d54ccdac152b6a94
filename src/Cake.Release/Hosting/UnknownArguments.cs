using Cake.Core;

namespace Cake.Release.Hosting;

/// <summary>
/// Refuses a command-line argument that nothing in the run reads. Without this a misspelled <c>--versoin=1.0.0</c>
/// is dropped without a word and the target goes on with its default (an auto-bumped version, another service).
/// What is read is what the classes declare with <see cref="TaskArgumentAttribute"/>: the tasks of the run's graph,
/// and the context, lifetimes and task sources of every run. Environment variables are never checked: CI sets many.
/// </summary>
internal static class UnknownArguments
{
    // A bare --version never gets here (it prints the version), so a valued one is a task's argument like any other.
    private static readonly string[] HostOptionNames =
        ["target", "verbosity", DryRunExtensions.ArgumentName, "description", "tree", "exclusive", "working", "info", "help"];

    public static void Refuse(HostOptions options, IReadOnlyList<TaskDefinition> definitions, IEnumerable<string> readInEveryRun)
    {
        var graph = Graph(options, definitions).ToList();
        var read = graph.SelectMany(d => d.Arguments).Concat(readInEveryRun).ToHashSet(StringComparer.OrdinalIgnoreCase);
        read.ExceptWith(graph.Where(d => options.Targets.Contains(d.Name, StringComparer.OrdinalIgnoreCase)).SelectMany(d => d.Fixes ?? []));
        var known = read.Concat(HostOptionNames).ToList();
        var unknown = options.Arguments.Select(a => a.Key).FirstOrDefault(name => !known.Contains(name, StringComparer.OrdinalIgnoreCase));
        if (unknown is null)
        {
            return;
        }

        var run = string.Join(", ", options.Targets);
        var closest = ClosestNames.For(unknown, known, max: 1);
        var hint = closest.Count > 0 ? $"did you mean --{closest[0]}? " : "";
        var reads = read.Count == 0 ? "takes no arguments" : $"reads {string.Join(", ", read.Order(StringComparer.OrdinalIgnoreCase).Select(n => "--" + n))}";
        throw new CakeException($"Unknown argument --{unknown} for {run}: {hint}{run} {reads}, besides the host's options (--help).");
    }

    // The targets and every task that runs with them: their dependencies, and the tasks that declared themselves
    // dependees of one of them. With --exclusive only the targets run.
    private static IEnumerable<TaskDefinition> Graph(HostOptions options, IReadOnlyList<TaskDefinition> definitions)
    {
        var byName = definitions.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);
        var pending = new Queue<string>(options.Targets);
        var graph = new Dictionary<string, TaskDefinition>(StringComparer.OrdinalIgnoreCase);
        while (pending.TryDequeue(out var name))
        {
            if (graph.ContainsKey(name) || !byName.TryGetValue(name, out var definition))
            {
                continue;
            }

            graph[name] = definition;
            if (options.Exclusive)
            {
                continue;
            }

            definition.Dependencies.ToList().ForEach(pending.Enqueue);
            definitions.Where(d => d.Dependees.Contains(name, StringComparer.OrdinalIgnoreCase)).Select(d => d.Name).ToList().ForEach(pending.Enqueue);
        }

        return graph.Values;
    }
}
