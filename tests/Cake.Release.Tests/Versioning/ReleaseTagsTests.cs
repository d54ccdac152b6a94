using Cake.Release.Config;
using Cake.Release.Versioning;

namespace Cake.Release.Tests.Versioning;

public sealed class ReleaseTagsTests
{
    [Fact]
    public void Tags_are_read_back_through_the_template_for_one_service_only()
    {
        var tags = new[] { "blue/1.6.0-rc.2", "blue/1.5.0", "green/2.0.0", "blue/latest", "blue/01.2.3", "bluegreen/1.0.0", "blue/1.10.0" }
            .Select(name => (name, "c0ffee"));

        var releases = ReleaseTags.Of(TagTemplate.Parse("{service}/{version}"), "blue", tags);

        Assert.Equal(["1.5.0", "1.6.0-rc.2", "1.10.0"], releases.Select(r => ReleaseVersion.Text(r.Version)));
    }

    [Fact]
    public void Other_templates_read_back_too_and_render_the_same_names()
    {
        var template = TagTemplate.Parse("release-{service}-v{version}");
        var releases = ReleaseTags.Of(template, "blue", [("release-blue-v2.0.0", "c0ffee"), ("release-blue-2.0.1", "c0ffee")]);

        var release = Assert.Single(releases);
        Assert.Equal("release-blue-v2.0.0", ReleaseTags.Name(template, "blue", release.Version));
    }

    [Fact]
    public void Tags_are_ordered_by_SemVer_precedence_case_sensitively_and_with_numbers_of_any_size()
    {
        // ASCII: upper case sorts before lower case; "-1" has a hyphen, so it is alphanumeric and above every number.
        var names = new[] { "1.0.0-alpha", "1.0.0-Alpha", "1.0.0-rc.-1", "1.0.0-rc.40000000000", "1.0.0-rc.5000000000", "1.0.0-rc.2" };
        var releases = ReleaseTags.Of(TagTemplate.Parse("{service}/{version}"), "blue", names.Select(n => ($"blue/{n}", "c0ffee")));

        Assert.Equal(
            ["1.0.0-Alpha", "1.0.0-alpha", "1.0.0-rc.2", "1.0.0-rc.5000000000", "1.0.0-rc.40000000000", "1.0.0-rc.-1"],
            releases.Select(r => ReleaseVersion.Text(r.Version)));
    }
}
