using Cake.Release.Config;

namespace Cake.Release.Tests.Config;

/// <summary>
/// Names that would make two things one: an environment's moving image tag that is a release version or another
/// environment's tag, release tags or branches shared by services, and chart release tags read as image releases.
/// </summary>
public sealed class TagCollisionTests : IDisposable
{
    private readonly ConfigRepository _repository = new();

    public void Dispose() => _repository.Dispose();

    // Line numbers: 6 staging, 9 its imageTag, then what the test adds; services after the environments.
    private static string Config(string staging = "", string environments = "", string services = "", string top = "") => $"""
        version: 1
        environments:
          dev:
            branch: gitops/dev
            auto: true
          staging:
            branch: gitops/staging
            from: dev
        {staging}{environments}services:
          blue:
            path: projects/blue
        {services}{top}
        """;

    private const string Green = "  green:\n    path: projects/green\n";

    [Theory]
    [InlineData("0.1.0")]
    [InlineData("1.6.0-rc.1")]
    [InlineData("1.0.0-alpha")]
    public void An_image_tag_shaped_like_a_release_version_is_refused(string tag)
    {
        Assert.Equal($"release.yaml:9: environments.staging.imageTag \"{tag}\" is a SemVer version, so every promotion into staging would move the release tag {tag}, which must never move; name the moving tag after the environment, e.g. imageTag: staging",
            _repository.Refusal(Config(staging: $"    imageTag: \"{tag}\"\n")));
    }

    [Fact]
    public void An_image_tag_another_environment_already_moves_is_refused_naming_both()
    {
        Assert.Equal("release.yaml:13: environments.production.imageTag \"prd\" is also the imageTag of environments.staging (line 9), so a promotion into either would move the other's tag; give each environment its own, e.g. imageTag: production",
            _repository.Refusal(Config(staging: "    imageTag: prd\n", environments: "  production:\n    branch: gitops/production\n    from: staging\n    imageTag: prd\n")));
    }

    [Fact]
    public void An_image_tag_shaped_like_a_build_tag_is_refused()
    {
        Assert.Equal("release.yaml:9: environments.staging.imageTag \"sha-0123abc\" has the shape of the build tags (tags.build \"sha-{sha7}\"), which name one build for good; name the moving tag after the environment, e.g. imageTag: staging",
            _repository.Refusal(Config(staging: "    imageTag: sha-0123abc\n")));
    }

    [Fact]
    public void Distinct_environment_tags_are_accepted()
    {
        var config = _repository.Parse(Config(staging: "    imageTag: stg\n", environments: "  production:\n    branch: gitops/production\n    from: staging\n    imageTag: latest\n"));

        Assert.Equal(["stg", "latest"], config.Environments.Select(e => e.ImageTag).OfType<string>());
    }

    [Fact]
    public void A_release_tag_without_service_is_refused_when_services_share_the_repository()
    {
        Assert.Equal("release.yaml:15: tags.release \"v{version}\" has no {service}, so blue and green would get the same tag for the same version; add {service}, e.g. release: \"{service}/{version}\"",
            _repository.Refusal(Config(services: Green, top: "tags:\n  release: \"v{version}\"\n")));
    }

    [Fact]
    public void A_release_tag_without_service_is_accepted_for_a_single_service()
    {
        Assert.Equal("v{version}", _repository.Parse(Config(top: "tags:\n  release: \"v{version}\"\n")).Tags.Release.Text);
    }

    [Fact]
    public void A_release_branch_without_service_is_refused_when_services_share_the_repository()
    {
        Assert.Equal("release.yaml:15: tags.releaseBranch \"release/{major}.{minor}\" has no {service}, so blue and green would get the same branch for the same line; add {service}, e.g. releaseBranch: \"release/{service}-{major}.{minor}\"",
            _repository.Refusal(Config(services: Green, top: "tags:\n  releaseBranch: \"release/{major}.{minor}\"\n")));
    }

    [Fact]
    public void A_release_tag_without_version_is_refused()
    {
        Assert.Equal("release.yaml:13: tags.release \"{service}/latest\" has no {version}, so every release of a service would get the same tag; add {version}, e.g. release: \"{service}/{version}\"",
            _repository.Refusal(Config(top: "tags:\n  release: \"{service}/latest\"\n")));
    }

    [Fact]
    public void Chart_releases_have_a_tag_of_their_own_by_default()
    {
        var tags = _repository.Parse(Config(services: Green)).Tags;

        Assert.Equal(("{service}/{version}", "{service}/chart-{version}"), (tags.Release.Text, tags.ChartRelease.Text));
    }

    // The loader checks only templates a file sets; the defaults must therefore be apart themselves, for any names.
    [Theory]
    [InlineData("blue", "green")]
    [InlineData("chart", "blue")]
    [InlineData("blue", "blue-chart")]
    [InlineData("a", "a/chart")]
    public void The_default_release_and_chart_tags_never_read_as_each_other(string one, string other)
    {
        var tags = new TagsConfig();
        var services = new[] { one, other };
        foreach (var service in services)
        {
            foreach (var version in new[] { "1.2.3", "0.1.0-rc.1", "2.0.0+build.7" })
            {
                var values = new TemplateValues { Service = service, Version = version };
                Assert.DoesNotMatch(tags.Release.MatcherForAny(services), tags.ChartRelease.Render(values));
                Assert.DoesNotMatch(tags.ChartRelease.MatcherForAny(services), tags.Release.Render(values));
            }
        }
    }

    [Theory]
    [InlineData("{service}/{version}", "blue/1.2.3")]
    [InlineData("{service}/{version}+chart", "blue/1.2.3+chart")]
    public void A_chart_release_tag_an_image_release_would_read_is_refused(string chart, string example)
    {
        Assert.Equal($"release.yaml:15: tags.chartRelease \"{chart}\" names chart releases as tags.release \"{{service}}/{{version}}\" names image releases ({example}), so a chart release would count as an image version; keep them apart, e.g. chartRelease: \"{{service}}/chart-{{version}}\"",
            _repository.Refusal(Config(services: Green, top: $"tags:\n  chartRelease: \"{chart}\"\n")));
    }

    [Fact]
    public void A_custom_pair_of_release_and_chart_tags_that_stay_apart_is_accepted()
    {
        var tags = _repository.Parse(Config(services: Green, top: "tags:\n  release: \"{service}/v{version}\"\n  chartRelease: \"{service}/{version}\"\n")).Tags;

        Assert.Equal(("{service}/v{version}", "{service}/{version}"), (tags.Release.Text, tags.ChartRelease.Text));
    }
}
