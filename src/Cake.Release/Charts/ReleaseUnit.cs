using Cake.Release.Config;

namespace Cake.Release.Charts;

/// <summary>
/// What one release is of: a service (with its chart, if it has one) or a chart on its own. Its name goes into
/// <c>{service}</c> of its tag template; its paths pick the commits that belong to it.
/// </summary>
/// <param name="Name">The service name, or the chart's name for a chart on its own.</param>
/// <param name="Service">The service, or null for a chart on its own.</param>
/// <param name="ChartDir">The chart folder relative to the repository root, or null.</param>
/// <param name="ChangelogPath">The changelog relative to the repository root.</param>
/// <param name="Paths">The folders whose commits belong to this release.</param>
internal sealed record ReleaseUnit(string Name, ServiceConfig? Service, string? ChartDir, string ChangelogPath, IReadOnlyList<string> Paths)
{
    public string? ChartFile => ChartDir is null ? null : $"{ChartDir}/Chart.yaml";

    /// <summary>
    /// The template of this unit's release tags: a unit with a chart is released as a chart
    /// (<c>tags.chartRelease</c>), apart from the image releases promotions tag (<c>tags.release</c>).
    /// </summary>
    public TagTemplate ReleaseTagTemplate(TagsConfig tags) => ChartDir is null ? tags.Release : tags.ChartRelease;

    /// <summary>The unit for <c>--service</c> or <c>--chart</c>; <paramref name="chartName"/> reads a chart's name for one that belongs to no service.</summary>
    public static ReleaseUnit Resolve(ReleaseConfig config, string? service, string? chart, bool needsChart, Func<string, string> chartName)
    {
        if (service is not null)
        {
            var found = config.Service(service);
            if (needsChart && found.Chart is null)
            {
                throw new ReleaseException($"{config.File}: service \"{found.Name}\" has no chart; add chart: helm/charts/{found.Name} under services.{found.Name}, or pass --chart=<folder>.");
            }

            return ForService(config, found);
        }

        if (chart is null)
        {
            throw new ReleaseException("--service or --chart is required: pass --service=blue (a service of release.yaml) or --chart=helm/charts/blue (set RELEASE_SERVICE or RELEASE_CHART in CI).");
        }

        var (dir, problem) = RepositoryPath.Normalize(chart);
        if (dir is null)
        {
            throw new ReleaseException($"--chart={chart} {problem}.");
        }

        var owner = config.Services.FirstOrDefault(s => s.Chart is not null && RepositoryPath.Normalize(s.Chart).Path == dir);
        return owner is not null
            ? ForService(config, owner)
            : new ReleaseUnit(chartName(dir), null, dir, $"{dir}/CHANGELOG.md", [dir]);
    }

    private static ReleaseUnit ForService(ReleaseConfig config, ServiceConfig service)
    {
        var chart = service.Chart is null ? null : RepositoryPath.Normalize(service.Chart).Path;
        var paths = new List<string> { service.Path };
        foreach (var dependency in service.DependsOn)
        {
            paths.Add(config.Services.FirstOrDefault(s => s.Name == dependency)?.Path ?? dependency);
        }

        if (chart is not null)
        {
            paths.Add(chart);
        }

        // A configuration change is released like a code change: it travels to the next environment with a version.
        paths.AddRange(config.ConfigurationPaths(service));
        return new ReleaseUnit(service.Name, service, chart, service.ChangelogPath, paths.Distinct().ToList());
    }
}
