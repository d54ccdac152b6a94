using System.Reflection;
using Cake.Core;

namespace Cake.Release.Hosting;

/// <summary>
/// Finds the task classes of the pipeline and of the assemblies it imports, settles which class a
/// name stands for (a duplicate is an error unless the pipeline replaces the other one), drops removed
/// tasks, and turns attribute references to classes into the names the engine runs by.
/// </summary>
internal static class TaskCatalog
{
    public static IReadOnlyList<TaskDefinition> Build(
        IEnumerable<Assembly> assemblies,
        IReadOnlyCollection<Type> replacements,
        IReadOnlyCollection<string> removals,
        Action<string> logVerbose)
    {
        var types = assemblies.Distinct().SelectMany(TaskTypes).Concat(replacements).Distinct().ToList();
        foreach (var removal in removals)
        {
            if (types.RemoveAll(t => NameOf(t).Equals(removal, StringComparison.OrdinalIgnoreCase)) == 0)
            {
                throw new CakeException($"RemoveTask(\"{removal}\") names no task.{Suggest(removal, types.Select(NameOf))}");
            }

            logVerbose($"Task '{removal}' removed by the pipeline.");
        }

        foreach (var replacement in replacements.Where(types.Contains))
        {
            if (types.Count(t => NameOf(t).Equals(NameOf(replacement), StringComparison.OrdinalIgnoreCase)) < 2)
            {
                throw new CakeException($"ReplaceTask<{replacement.FullName}>() has no other task named '{NameOf(replacement)}' to replace. Give it the name of the task to replace with [TaskName(\"...\")], or register it without ReplaceTask.");
            }
        }

        var byName = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in types.GroupBy(NameOf, StringComparer.OrdinalIgnoreCase))
        {
            byName[group.Key] = Settle(group.Key, group.ToList(), replacements, logVerbose);
        }

        return byName.Values.Select(type => Define(type, byName, logVerbose)).OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>
    /// Adds the tasks every <see cref="ITaskSource"/> in the assemblies contributes; a task class of the same name
    /// wins, so a pipeline can still replace a contributed target with a class of its own.
    /// </summary>
    public static IReadOnlyList<TaskDefinition> WithContributed(IReadOnlyList<TaskDefinition> definitions, IEnumerable<Assembly> assemblies, ICakeContext context, Action<string> logVerbose)
    {
        var all = definitions.ToList();
        var sources = SourcesOf(assemblies).Select(type => (ITaskSource)Activator.CreateInstance(type)!);
        foreach (var task in sources.SelectMany(source => source.Tasks(context)))
        {
            if (all.Any(d => d.Name.Equals(task.Name, StringComparison.OrdinalIgnoreCase)))
            {
                logVerbose($"Task '{task.Name}' is defined by a task class; the contributed one is not added.");
                continue;
            }

            var arguments = ArgumentsOf(task.Task.GetType()).Concat(task.Arguments ?? []).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var dependencies = (task.DependsOn ?? []).Select(NameOf).Where(name => all.Any(d => d.Name.Equals(name, StringComparison.OrdinalIgnoreCase))).ToList();
            all.Add(new TaskDefinition(task.Name, task.Task.GetType(), task.Description, dependencies, [], false, task.SupportsDryRun, arguments, task.Task, task.Fixes));
        }

        return all.OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public static string NameOf(Type type) => type.GetCustomAttribute<TaskNameAttribute>()?.Name ?? type.Name;

    /// <summary>The arguments a class declares with <see cref="TaskArgumentAttribute"/>.</summary>
    public static IReadOnlyList<string> ArgumentsOf(Type type) =>
        type.GetCustomAttributes<TaskArgumentAttribute>().Select(a => a.Name).ToList();

    /// <summary>The <see cref="ITaskSource"/> classes of the assemblies: they read their arguments in every run.</summary>
    public static IEnumerable<Type> SourcesOf(IEnumerable<Assembly> assemblies) => assemblies.Distinct().SelectMany(SourceTypes);

    public static string Suggest(string wanted, IEnumerable<string> names)
    {
        var closest = ClosestNames.For(wanted, names);
        return closest.Count > 0 ? $" Did you mean {string.Join(", ", closest)}?" : string.Empty;
    }

    private static IEnumerable<Type> TaskTypes(Assembly assembly) =>
        // A private nested task class is the instance type of a contributed task (ITaskSource), not a task of its own.
        ClassesOf(assembly).Where(t => t is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false, IsNestedPrivate: false } && typeof(IFrostingTask).IsAssignableFrom(t));

    private static IEnumerable<Type> SourceTypes(Assembly assembly) =>
        ClassesOf(assembly).Where(t => t is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false }
            && typeof(ITaskSource).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null);

    /// <summary>The classes an assembly lists with <see cref="TaskClassesAttribute"/>, or else all of its types.</summary>
    internal static IReadOnlyList<Type> ClassesOf(Assembly assembly)
    {
        if (assembly.GetCustomAttribute<TaskClassesAttribute>() is { } declared)
        {
            return declared.Types;
        }

        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            throw new CakeException($"Could not load the task classes of {assembly.GetName().Name}: {e.LoaderExceptions.FirstOrDefault()?.Message}");
        }
    }

    private static Type Settle(string name, List<Type> candidates, IReadOnlyCollection<Type> replacements, Action<string> logVerbose)
    {
        if (candidates.Count == 1)
        {
            return candidates[0];
        }

        var winners = candidates.Where(replacements.Contains).ToList();
        if (winners.Count == 1)
        {
            foreach (var loser in candidates.Where(c => c != winners[0]))
            {
                logVerbose($"Task '{name}': {loser.FullName} replaced by {winners[0].FullName}.");
            }

            return winners[0];
        }

        var classes = string.Join(" and ", candidates.Select(c => $"{c.FullName} ({c.Assembly.GetName().Name})"));
        throw new CakeException($"Task name '{name}' is used by {classes}. Rename one with [TaskName(\"...\")], or replace the imported one with host.ReplaceTask<YourTask>().");
    }

    private static TaskDefinition Define(Type type, IReadOnlyDictionary<string, Type> byName, Action<string> logVerbose)
    {
        var name = NameOf(type);

        List<string> Resolve(IEnumerable<Type> references, string attribute)
        {
            var names = new List<string>();
            foreach (var reference in references)
            {
                if (!typeof(IFrostingTask).IsAssignableFrom(reference))
                {
                    throw new CakeException($"Task '{name}' ({type.FullName}) has [{attribute}(typeof({reference.Name}))], but {reference.FullName} is not a task. Point it at a class deriving from FrostingTask or AsyncFrostingTask.");
                }

                var referenced = NameOf(reference);
                if (byName.ContainsKey(referenced))
                {
                    names.Add(referenced);
                }
                else
                {
                    logVerbose($"Task '{name}': link to removed task '{referenced}' dropped.");
                }
            }

            return names;
        }

        return new TaskDefinition(
            name,
            type,
            type.GetCustomAttribute<TaskDescriptionAttribute>()?.Description,
            Resolve(type.GetCustomAttributes<IsDependentOnAttribute>().Select(a => a.Task), "IsDependentOn"),
            Resolve(type.GetCustomAttributes<IsDependeeOfAttribute>().Select(a => a.Task), "IsDependeeOf"),
            type.IsDefined(typeof(ContinueOnErrorAttribute)),
            type.IsDefined(typeof(SupportsDryRunAttribute)),
            ArgumentsOf(type));
    }
}
