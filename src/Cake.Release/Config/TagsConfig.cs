namespace Cake.Release.Config;

/// <summary>The names given to git tags, release branches and build image tags (<c>tags:</c>).</summary>
public sealed record TagsConfig
{
    /// <summary>The git tag of one service release; <c>{service}/{version}</c> by default.</summary>
    public TagTemplate Release { get; init; } = TagTemplate.Parse("{service}/{version}");

    /// <summary>The branch a release line is maintained on; <c>release/{service}-{major}.{minor}</c> by default.</summary>
    public TagTemplate ReleaseBranch { get; init; } = TagTemplate.Parse("release/{service}-{major}.{minor}");

    /// <summary>
    /// The git tag of one chart release (ReleaseChart, BumpChart, WriteChangelog); <c>{service}/chart-{version}</c> by
    /// default, a name no <c>{service}/{version}</c> image release can have, so a chart's version is never read as the
    /// image's (the next promotion's base, the default hotfix line).
    /// </summary>
    public TagTemplate ChartRelease { get; init; } = TagTemplate.Parse("{service}/chart-{version}");

    /// <summary>The immutable image tag BuildOnce writes; <c>sha-{sha7}</c> by default.</summary>
    public TagTemplate Build { get; init; } = TagTemplate.Parse("sha-{sha7}");
}
