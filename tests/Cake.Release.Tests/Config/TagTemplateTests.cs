using Cake.Release.Config;

namespace Cake.Release.Tests.Config;

public sealed class TagTemplateTests
{
    private static readonly TemplateValues Values = new()
    {
        Service = "blue",
        Version = "1.6.1-rc.2+build.7",
        Sha = "3f2c9a1b7e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b",
        Environment = "production",
        Date = new DateTimeOffset(2025, 1, 20, 23, 30, 0, TimeSpan.FromHours(-5)),
    };

    [Fact]
    public void Every_placeholder_renders_its_value()
    {
        var template = TagTemplate.Parse("{service}/{version}|{major}.{minor}.{patch}|{sha}|{sha7}|{env}|{date}|{date:yyyy-MM-dd}");

        Assert.Equal("blue/1.6.1-rc.2+build.7|1.6.1|3f2c9a1b7e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b|3f2c9a1|production|20250121|2025-01-21", template.Render(Values));
        Assert.Equal(["service", "version", "major", "minor", "patch", "sha", "sha7", "env", "date"], template.Placeholders);
    }

    [Fact]
    public void The_default_templates_render_as_the_design_says()
    {
        var tags = new TagsConfig();

        Assert.Equal("blue/1.6.1-rc.2+build.7", tags.Release.Render(Values));
        Assert.Equal("release/blue-1.6", tags.ReleaseBranch.Render(Values));
        Assert.Equal("sha-3f2c9a1", tags.Build.Render(Values));
        Assert.True(tags.Release.Uses("version"));
        Assert.False(tags.Build.Uses("version"));
    }

    [Fact]
    public void A_template_without_placeholders_renders_as_written()
    {
        Assert.Equal("stable", TagTemplate.Parse("stable").Render(new TemplateValues()));
    }

    [Fact]
    public void A_placeholder_without_a_value_names_the_template_and_what_is_known()
    {
        var error = Assert.Throws<ReleaseException>(() => TagTemplate.Parse("{service}/{version}").Render(new TemplateValues { Service = "blue" }));

        Assert.Equal("Tag template \"{service}/{version}\" needs {version}, which is not known at this step; placeholders known at this step: {service}.", error.Message);
    }

    [Fact]
    public void A_template_from_release_yaml_names_its_file_line_and_key_at_render_time()
    {
        using var repository = new ConfigRepository();
        var config = repository.Parse("""
            version: 1
            tags:
              build: "{service}-{sha7}"
            environments:
              dev: { branch: gitops/dev }
            services:
              blue: { path: projects/blue }
            """);

        var error = Assert.Throws<ReleaseException>(() => config.Tags.Build.Render(new TemplateValues { Service = "blue" }));

        Assert.Equal("release.yaml:3: tags.build \"{service}-{sha7}\" needs {sha7}, which is not known at this step; placeholders known at this step: {service}.", error.Message);
    }

    [Fact]
    public void Major_of_a_version_that_is_not_semver_is_an_error_that_quotes_the_version()
    {
        var error = Assert.Throws<ReleaseException>(() => TagTemplate.Parse("release/{major}").Render(new TemplateValues { Version = "latest" }));

        Assert.Equal("Tag template \"release/{major}\" needs {major}, but the version \"latest\" is not MAJOR.MINOR.PATCH; placeholders known at this step: {version}.", error.Message);
    }

    [Theory]
    [InlineData("{service}/{verison}", "Tag template \"{service}/{verison}\" uses the unknown placeholder {verison}; did you mean {version}? known: {service} {version} {major} {minor} {patch} {sha} {sha7} {env} {date}.")]
    [InlineData("{service/{version}", "Tag template \"{service/{version}\" has a '{' with no closing '}' at position 1; close the placeholder, e.g. {version}.")]
    [InlineData("v{version", "Tag template \"v{version\" has a '{' with no closing '}' at position 2; close the placeholder, e.g. {version}.")]
    [InlineData("v}{version}", "Tag template \"v}{version}\" has a '}' with no '{' at position 2; remove it or add the opening brace.")]
    [InlineData("{version:x}", "Tag template \"{version:x}\" gives {version} a format; only {date:FORMAT} takes one, write {version}.")]
    [InlineData("{date:}", "Tag template \"{date:}\" has the date format \"\"; write it with y, M, d, H, m, s and the separators - _ . only, e.g. {date:yyyyMMdd}.")]
    [InlineData("{date:hello}", "Tag template \"{date:hello}\" has the date format \"hello\"; write it with y, M, d, H, m, s and the separators - _ . only, e.g. {date:yyyyMMdd}.")]
    [InlineData("{date:dd MMM}", "Tag template \"{date:dd MMM}\" has the date format \"dd MMM\"; write it with y, M, d, H, m, s and the separators - _ . only, e.g. {date:yyyyMMdd}.")]
    [InlineData("", "Tag template \"\" is empty; give it a name pattern, e.g. \"{service}/{version}\".")]
    public void Malformed_templates_are_refused_with_the_reason(string text, string message)
    {
        Assert.Equal(message, Assert.Throws<ReleaseException>(() => TagTemplate.Parse(text)).Message);
    }

    [Theory]
    [InlineData("{service}/{version}", "green/1.2.3")]
    [InlineData("{service}/{version}", "blue/1.2.3-rc.1")]
    [InlineData("{service}/{version}", "red/1.2.3")]
    [InlineData("{service}/{version}", "blue/green/1.2.3")]
    [InlineData("chart-{service}/{version}", "chart-blue/1.2.3")]
    [InlineData("{service}/{service}-{version}", "blue/blue-1.2.3")]
    [InlineData("{service}/{service}-{version}", "blue/green-1.2.3")]
    [InlineData("{service}.{version}", "blue.green.1.2.3")]
    public void One_pattern_for_several_services_matches_what_one_of_their_own_patterns_matches(string text, string name)
    {
        var template = TagTemplate.Parse(text);
        string[] services = ["blue", "green", "blue.green"];

        Assert.Equal(services.Any(service => template.Matcher(service).IsMatch(name)), template.MatcherForAny(services).IsMatch(name));
    }
}
