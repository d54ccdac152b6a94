namespace Cake.Release.Config;

/// <summary>
/// What <c>tags:</c> must keep apart, since every service and chart of the repository shares one tag namespace:
/// each release of a line its own tag (<c>{version}</c>), each service its own tags and release branches
/// (<c>{service}</c>, once there are two), and chart releases out of the names image releases are read from.
/// </summary>
internal static class ReleaseTagRules
{
    // Sample values for telling whether one template renders a name another one reads back.
    private static readonly string[] SampleVersions = ["1.2.3", "1.2.3-rc.1"];

    public static void Check(TagsConfig tags, IReadOnlyList<string> services)
    {
        var defaults = new TagsConfig();
        NeedsVersion(tags.Release, "release", defaults.Release);
        NeedsVersion(tags.ChartRelease, "chartRelease", defaults.ChartRelease);
        if (services.Count > 1)
        {
            NeedsService(tags.Release, "release", defaults.Release, services, "tag for the same version");
            NeedsService(tags.ReleaseBranch, "releaseBranch", defaults.ReleaseBranch, services, "branch for the same line");
            NeedsService(tags.ChartRelease, "chartRelease", defaults.ChartRelease, services, "tag for the same version");
        }

        KeepApart(tags, defaults, services);
    }

    private static void NeedsVersion(TagTemplate template, string name, TagTemplate fallback)
    {
        if (!template.Uses("version") && template.Location is { } at)
        {
            throw new ReleaseConfigException(at,
                $"{at.Key} \"{template}\" has no {{version}}, so every release of a {(name == "chartRelease" ? "chart" : "service")} would get the same tag; add {{version}}, e.g. {name}: \"{fallback}\"");
        }
    }

    private static void NeedsService(TagTemplate template, string name, TagTemplate fallback, IReadOnlyList<string> services, string what)
    {
        if (!template.Uses("service") && template.Location is { } at)
        {
            throw new ReleaseConfigException(at,
                $"{at.Key} \"{template}\" has no {{service}}, so {services[0]} and {services[1]} would get the same {what}; add {{service}}, e.g. {name}: \"{fallback}\"");
        }
    }

    // ReleaseTags reads a service's image releases back through tags.release's pattern; a chart release name that
    // pattern matches (or the other way round) would be taken for the other kind.
    private static void KeepApart(TagsConfig tags, TagsConfig defaults, IReadOnlyList<string> services)
    {
        // Only a template the file sets can be blamed, and the defaults are apart: with neither set there is nothing
        // to check (and at 10,000 services, a pattern of 10,000 names not to build).
        if (tags.Release.Location is null && tags.ChartRelease.Location is null)
        {
            return;
        }

        // One pattern per template for all services: a name any service's pattern matches, this one matches.
        var imageReleases = tags.Release.MatcherForAny(services);
        var chartReleases = tags.ChartRelease.MatcherForAny(services);
        foreach (var service in services)
        {
            foreach (var version in SampleVersions)
            {
                var values = new TemplateValues { Service = service, Version = version, Sha = "0123456789abcdef0123456789abcdef01234567", Environment = "env", Date = new DateTimeOffset(2025, 1, 20, 0, 0, 0, TimeSpan.Zero) };
                var chart = tags.ChartRelease.Render(values);
                var image = tags.Release.Render(values);
                var clash = imageReleases.IsMatch(chart) ? chart
                    : chartReleases.IsMatch(image) ? image
                    : null;
                if (clash is null)
                {
                    continue;
                }

                if (tags.ChartRelease.Location is { } chartAt)
                {
                    throw new ReleaseConfigException(chartAt,
                        $"{chartAt.Key} \"{tags.ChartRelease}\" names chart releases as tags.release \"{tags.Release}\" names image releases ({clash}), so a chart release would count as an image version; keep them apart, e.g. chartRelease: \"{defaults.ChartRelease}\"");
                }

                if (tags.Release.Location is { } releaseAt)
                {
                    throw new ReleaseConfigException(releaseAt,
                        $"{releaseAt.Key} \"{tags.Release}\" names image releases as tags.chartRelease \"{tags.ChartRelease}\" names chart releases ({clash}), so a chart release would count as an image version; keep them apart, e.g. release: \"{defaults.Release}\"");
                }
            }
        }
    }
}
