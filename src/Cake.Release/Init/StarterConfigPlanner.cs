using System.Text;
using Cake.Release.Config;

namespace Cake.Release.Init;

/// <summary>
/// Turns what a scan found into a starter configuration: one service per folder holding a Dockerfile, charts
/// matched to services by name, and a promotion chain from the Kustomize overlays' environment names.
/// </summary>
public static class StarterConfigPlanner
{
    /// <summary>The chain used when the repository has no overlays: the one most teams start with.</summary>
    public static readonly IReadOnlyList<string> DefaultEnvironments = ["dev", "staging", "production"];

    // Where a well-known environment name sits in a chain; names not listed sit between testing and staging,
    // since an unknown name is more often one more test stage than a second production.
    private static readonly Dictionary<string, int> Ranks = new(StringComparer.Ordinal)
    {
        ["local"] = 0,
        ["sandbox"] = 0,
        ["dev"] = 1,
        ["develop"] = 1,
        ["development"] = 1,
        ["devel"] = 1,
        ["test"] = 2,
        ["testing"] = 2,
        ["ci"] = 2,
        ["int"] = 2,
        ["integration"] = 2,
        ["qa"] = 3,
        ["staging"] = 5,
        ["stage"] = 5,
        ["stg"] = 5,
        ["uat"] = 5,
        ["acceptance"] = 5,
        ["preprod"] = 6,
        ["pre-prod"] = 6,
        ["pre-production"] = 6,
        ["production"] = 7,
        ["prod"] = 7,
        ["prd"] = 7,
        ["live"] = 7,
    };

    private const int UnknownRank = 4;

    /// <summary>The starter configuration for a scan.</summary>
    /// <param name="scan">What the repository holds.</param>
    public static StarterConfig Plan(RepositoryScan scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        var services = Services(scan);
        var placeholder = services.Count == 0;
        if (placeholder)
        {
            // No Dockerfile: one service for the whole repository keeps the file loadable (see InitAliases for why).
            services = [new StarterService(NameOf(scan.RootName), ".", null, null, [])];
        }

        var (withCharts, unmatched) = MatchCharts(services, scan.Charts);
        var environments = Environments(scan.Overlays, scan.OverlayNamespaces ?? new Dictionary<string, string>());
        return new StarterConfig(
            placeholder ? BuilderKind.OciLayer : BuilderKind.Docker,
            environments,
            withCharts,
            scan.Overlays.Count > 0,
            unmatched,
            placeholder,
            placeholder ? null : Render(scan.Overlays, withCharts),
            NameOf(scan.RootName));
    }

    /// <summary>
    /// Rendered mode when every overlay is one template: <c>…/&lt;service&gt;/overlays/&lt;env&gt;</c> for every service
    /// (each renders its own) or one <c>…/overlays/&lt;env&gt;</c> (shared, so a selector picks each service's resources).
    /// Null, so the overlays are edited in place as before, when there are none or they follow several layouts: one
    /// <c>render:</c> could not name them all, and a guess would render the wrong files.
    /// </summary>
    private static StarterRender? Render(IReadOnlyList<string> overlays, IReadOnlyList<StarterService> services)
    {
        var names = services.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var templates = overlays.Select(o => Template(o, names)).Distinct(StringComparer.Ordinal).ToList();
        if (templates is not [{ } template])
        {
            return null;
        }

        if (!template.Contains("{service}", StringComparison.Ordinal))
        {
            return new StarterRender(template, "app={service}", []);
        }

        // A service without its overlay in an environment could not be promoted there: say so in the file now.
        var environments = overlays.Select(o => o[(o.LastIndexOf('/') + 1)..]).Distinct(StringComparer.Ordinal);
        var missing = services
            .SelectMany(s => environments.Select(e => template.Replace("{service}", s.Name, StringComparison.Ordinal).Replace("{env}", e, StringComparison.Ordinal)))
            .Where(o => !overlays.Contains(o, StringComparer.Ordinal))
            .ToList();
        return new StarterRender(template, null, missing);
    }

    // The overlay folder with its environment (and service, when a folder above overlays/ is named after one: the
    // nearest) as placeholders; null when the environment's folder is not spelled as its name, as {env} would not find it.
    private static string? Template(string overlay, IReadOnlySet<string> services)
    {
        var parts = overlay.Split('/');
        if (NameOf(parts[^1]) != parts[^1])
        {
            return null;
        }

        parts[^1] = "{env}";
        var service = Array.FindLastIndex(parts, parts.Length - 2, services.Contains);
        if (service >= 0)
        {
            parts[service] = "{service}";
        }

        return string.Join('/', parts);
    }

    /// <summary>A folder or environment name made a valid release and image name: lower case, runs of other characters as '-'.</summary>
    /// <param name="text">The folder name.</param>
    public static string NameOf(string text)
    {
        var name = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                name.Append(c);
            }
            else if (name.Length > 0 && name[^1] != '-')
            {
                name.Append('-');
            }
        }

        var result = name.ToString().TrimEnd('-');
        return result.Length > 0 ? result : "app";
    }

    private static List<StarterService> Services(RepositoryScan scan)
    {
        var folders = scan.Dockerfiles
            .GroupBy(FolderOf, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var names = Names(folders.Select(f => f.Key).ToList(), scan.RootName);
        return folders.Select((folder, i) =>
        {
            var files = folder.Select(FileOf).OrderBy(f => f == "Dockerfile" ? 0 : 1).ThenBy(f => f, StringComparer.Ordinal).ToList();
            return new StarterService(names[i], folder.Key, files[0] == "Dockerfile" ? null : files[0], null, files.Skip(1).ToList());
        }).ToList();
    }

    // Each folder's own name; folders sharing one all take their parents' names in front (billing-api, orders-api),
    // as many as it takes, so no service keeps the bare name by the accident of sorting first.
    private static List<string> Names(IReadOnlyList<string> folders, string rootName)
    {
        var parts = folders.Select(f => f == "." ? [rootName] : f.Split('/')).ToList();
        var depth = folders.Select(_ => 1).ToArray();
        string NameAt(int i) => NameOf(string.Join('-', parts[i][^Math.Min(depth[i], parts[i].Length)..]));
        bool deepened;
        do
        {
            deepened = false;
            var clashes = Enumerable.Range(0, folders.Count).GroupBy(NameAt, StringComparer.Ordinal).Where(g => g.Count() > 1).SelectMany(g => g).ToList();
            foreach (var i in clashes.Where(i => depth[i] < parts[i].Length))
            {
                depth[i]++;
                deepened = true;
            }
        }
        while (deepened);

        // Folders whose whole paths still make one name (a-b/c and a/b-c): numbered.
        var taken = new HashSet<string>(StringComparer.Ordinal);
        return Enumerable.Range(0, folders.Count).Select(i =>
        {
            var name = NameAt(i);
            for (var n = 2; !taken.Add(name); n++)
            {
                name = $"{NameAt(i)}-{n}";
            }

            return name;
        }).ToList();
    }

    private static (List<StarterService> Services, List<string> Unmatched) MatchCharts(List<StarterService> services, IReadOnlyList<FoundChart> charts)
    {
        // Sub-charts (a chart inside another chart's charts/ folder) ship with their parent, not with a service.
        var candidates = charts
            .Where(c => !charts.Any(parent => c.Folder.StartsWith(parent.Folder + "/charts/", StringComparison.Ordinal)))
            .OrderBy(c => c.Folder, StringComparer.Ordinal)
            .ToList();
        var result = new List<StarterService>();
        foreach (var service in services)
        {
            var chart = candidates.FirstOrDefault(c => NameOf(LastSegment(c.Folder)) == service.Name || (c.Name is { } n && NameOf(n) == service.Name))
                ?? candidates.FirstOrDefault(c => service.Path != "." && c.Folder.StartsWith(service.Path + "/", StringComparison.Ordinal));
            if (chart is not null)
            {
                candidates.Remove(chart);
            }

            result.Add(service with { Chart = chart?.Folder });
        }

        return (result, candidates.Select(c => c.Folder).ToList());
    }

    private static List<StarterEnvironment> Environments(IReadOnlyList<string> overlays, IReadOnlyDictionary<string, string> namespaces)
    {
        var byName = overlays
            .GroupBy(o => NameOf(LastSegment(o)), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.OrderBy(o => o, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var names = byName.Count > 0
            ? byName.Keys.OrderBy(n => Ranks.GetValueOrDefault(n, UnknownRank)).ThenBy(n => n, StringComparer.Ordinal).ToList()
            : DefaultEnvironments.ToList();

        return names.Select((name, i) => new StarterEnvironment(
            name,
            i == 0 ? null : names[i - 1],
            byName.GetValueOrDefault(name, []),
            Gated: names.Count > 1 && i == names.Count - 1,
            Namespace(name, byName.GetValueOrDefault(name, []), namespaces))).ToList();
    }

    private static string? Namespace(string environment, IReadOnlyList<string> overlays, IReadOnlyDictionary<string, string> namespaces)
    {
        var set = overlays.Select(o => namespaces.GetValueOrDefault(o)).Distinct(StringComparer.Ordinal).ToList();
        return set switch
        {
            [null] or [] => environment,
            [{ } one] => one,
            _ => null,
        };
    }

    private static string FolderOf(string path) => path.LastIndexOf('/') is var slash and >= 0 ? path[..slash] : ".";

    private static string FileOf(string path) => path[(path.LastIndexOf('/') + 1)..];

    private static string LastSegment(string path) => FileOf(path);
}
