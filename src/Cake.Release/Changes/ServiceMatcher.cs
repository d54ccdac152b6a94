using Cake.Release.Config;

namespace Cake.Release.Changes;

/// <summary>
/// Decides which services a set of changed files marks: a file marks each service whose <c>path</c> holds it and each
/// service whose <c>dependsOn</c> names it or a folder holding it; then, transitively, every service whose
/// <c>dependsOn</c> names a marked service. A rename marks both its old and its new place; a deletion counts like any
/// change. A file under a service's configuration paths marks it with a configuration change only (deployed without a
/// build), which does not reach the services that depend on it. Pure: the same inputs always give the same marks, in
/// configuration order.
/// </summary>
public static class ServiceMatcher
{
    /// <summary>The services <paramref name="files"/> mark, with every reason, and the files that mark nothing.</summary>
    /// <param name="services">The services of <c>release.yaml</c>, in file order.</param>
    /// <param name="files">The files changed between a base and head.</param>
    /// <param name="configurationPaths">A service's configuration paths (<see cref="ReleaseConfig.ConfigurationPaths"/>); none when null.</param>
    public static ServiceMatch Match(IReadOnlyList<ServiceConfig> services, IReadOnlyList<ChangedFile> files, Func<ServiceConfig, IReadOnlyList<string>>? configurationPaths = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(files);

        var names = services.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var owners = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var dependents = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var configured = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var service in services)
        {
            Add(owners, service.Path, service.Name);
            foreach (var path in configurationPaths?.Invoke(service) ?? [])
            {
                Add(configured, path, service.Name);
            }

            foreach (var path in service.DependsOn.Where(d => !names.Contains(d)))
            {
                Add(dependents, path, service.Name);
            }
        }

        // Per service: its own files, then the files per dependsOn path, kept in the order they were found.
        var own = new Dictionary<string, List<ChangedFile>>(StringComparer.Ordinal);
        var configuration = new Dictionary<string, List<ChangedFile>>(StringComparer.Ordinal);
        var viaPath = new Dictionary<(string Service, string Path), List<ChangedFile>>();
        var outside = new List<ChangedFile>();
        foreach (var file in files)
        {
            var claimed = false;
            var holders = file.Paths.SelectMany(Holders).Distinct(StringComparer.Ordinal).ToList();

            // Configuration inside a service's own folder (projects/blue/deploy) is still configuration, not a build input.
            var configures = holders.SelectMany(folder => configured.GetValueOrDefault(folder) ?? []).ToHashSet(StringComparer.Ordinal);
            foreach (var service in configures)
            {
                AddOnce(configuration, service, file);
                claimed = true;
            }

            foreach (var folder in holders)
            {
                foreach (var service in (owners.GetValueOrDefault(folder) ?? []).Where(s => !configures.Contains(s)))
                {
                    AddOnce(own, service, file);
                    claimed = true;
                }

                foreach (var service in dependents.GetValueOrDefault(folder) ?? [])
                {
                    AddOnce(viaPath, (service, folder), file);
                    claimed = true;
                }
            }

            if (!claimed)
            {
                outside.Add(file);
            }
        }

        var reasons = new Dictionary<string, List<ChangeReason>>(StringComparer.Ordinal);
        foreach (var service in services)
        {
            var list = new List<ChangeReason>();
            if (own.TryGetValue(service.Name, out var mine))
            {
                list.Add(ChangeReason.InPath(mine));
            }

            list.AddRange(service.DependsOn
                .Where(d => viaPath.ContainsKey((service.Name, d)))
                .Select(d => ChangeReason.OnPath(d, viaPath[(service.Name, d)])));
            if (configuration.TryGetValue(service.Name, out var settings))
            {
                list.Add(ChangeReason.InConfiguration(settings));
            }
            if (list.Count > 0)
            {
                reasons[service.Name] = list;
            }
        }

        MarkDependents(services, reasons);
        var changed = services
            .Where(s => reasons.ContainsKey(s.Name))
            .Select(s => new KeyValuePair<string, IReadOnlyList<ChangeReason>>(s.Name, reasons[s.Name]))
            .ToList();
        return new ServiceMatch(changed, outside);
    }

    // A service that names a marked service in dependsOn is marked too, until nothing more changes; a cycle (which the
    // loader refuses anyway) cannot loop, because a service is queued only when it is first marked.
    private static void MarkDependents(IReadOnlyList<ServiceConfig> services, Dictionary<string, List<ChangeReason>> reasons)
    {
        var dependents = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var service in services)
        {
            foreach (var dependency in service.DependsOn)
            {
                Add(dependents, dependency, service.Name);
            }
        }

        // A configuration change redeploys the service with the image it runs; what depends on that image is unchanged.
        var queue = new Queue<string>(services.Select(s => s.Name).Where(s => reasons.TryGetValue(s, out var r) && r.Any(x => x.Kind != ChangeReasonKind.Configuration)));
        while (queue.Count > 0)
        {
            var marked = queue.Dequeue();
            foreach (var dependent in dependents.GetValueOrDefault(marked) ?? [])
            {
                if (!reasons.TryGetValue(dependent, out var list))
                {
                    reasons[dependent] = list = [];
                }

                // Queued once: when it first gets a reason that is not configuration alone.
                if (list.All(r => r.Kind == ChangeReasonKind.Configuration))
                {
                    queue.Enqueue(dependent);
                }

                if (!list.Any(r => r.Kind == ChangeReasonKind.DependsOnService && r.DependsOn == marked))
                {
                    list.Add(ChangeReason.OnService(marked));
                }
            }
        }

        // Service reasons follow the dependsOn order, whatever order the walk found them in.
        foreach (var service in services.Where(s => reasons.ContainsKey(s.Name)))
        {
            var list = reasons[service.Name];
            var byService = list.Where(r => r.Kind == ChangeReasonKind.DependsOnService)
                .OrderBy(r => service.DependsOn.ToList().IndexOf(r.DependsOn!)).ToList();
            list.RemoveAll(r => r.Kind == ChangeReasonKind.DependsOnService);
            list.AddRange(byService);
        }
    }

    // The file itself and every folder holding it, up to the repository root ("."): a path in release.yaml can name any.
    private static IEnumerable<string> Holders(string path)
    {
        for (var at = path; at.Length > 0; at = at.LastIndexOf('/') is var slash and > 0 ? at[..slash] : string.Empty)
        {
            yield return at;
        }

        yield return ".";
    }

    private static void Add<TKey>(Dictionary<TKey, List<string>> map, TKey key, string value)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }

    private static void AddOnce<TKey>(Dictionary<TKey, List<ChangedFile>> map, TKey key, ChangedFile file)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        if (list.Count == 0 || !ReferenceEquals(list[^1], file))
        {
            list.Add(file);
        }
    }
}
