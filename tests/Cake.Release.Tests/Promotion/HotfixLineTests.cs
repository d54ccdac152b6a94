using Cake.Release.Promotion;
using Cake.Release.Versioning;

namespace Cake.Release.Tests.Promotion;

public sealed class HotfixLineTests
{
    private static List<ReleaseTag> Tags(params string[] versions) =>
        versions.Select(v => new ReleaseTag($"blue/{v}", ReleaseVersion.Parse(v, "test"), $"commit-{v}")).ToList();

    [Fact]
    public void The_default_line_is_the_latest_stable_release_and_the_next_version_its_next_patch()
    {
        var line = HotfixLine.Of("blue", Tags("1.5.0", "1.6.0", "1.6.1", "1.7.0-rc.1"), null);

        Assert.Equal(("1.6", "blue/1.6.1", "1.6.2"), (line.Name, line.Base.Name, ReleaseVersion.Text(line.Next)));
    }

    [Fact]
    public void An_older_line_is_patched_after_its_own_last_release_not_the_latest()
    {
        var line = HotfixLine.Of("blue", Tags("1.5.0", "1.5.1", "1.6.0", "2.0.0"), "1.5");

        Assert.Equal(("blue/1.5.1", "1.5.2"), (line.Base.Name, ReleaseVersion.Text(line.Next)));
    }

    [Fact]
    public void A_pre_release_of_the_next_patch_does_not_get_reused()
    {
        var line = HotfixLine.Of("blue", Tags("1.6.0", "1.6.1", "1.6.2-rc.1"), "1.6");

        Assert.Equal(("blue/1.6.1", "1.6.2"), (line.Base.Name, ReleaseVersion.Text(line.Next)));
    }

    [Theory]
    [InlineData("1.6.1", "--line=1.6.1 is not a release line; pass MAJOR.MINOR, e.g. --line=1.6.")]
    [InlineData("v1.6", "--line=v1.6 is not a release line; pass MAJOR.MINOR, e.g. --line=1.6.")]
    [InlineData("1.8", "blue has no release on line 1.8 (its lines: 1.5, 1.6); pass one of them to --line.")]
    public void A_line_that_is_not_one_is_refused_in_one_line(string line, string message)
    {
        var error = Assert.Throws<ReleaseException>(() => HotfixLine.Of("blue", Tags("1.5.0", "1.6.0", "1.8.0-rc.1"), line));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_service_without_a_stable_release_has_no_line_to_patch()
    {
        var error = Assert.Throws<ReleaseException>(() => HotfixLine.Of("blue", Tags("1.0.0-rc.1"), null));

        Assert.StartsWith("blue has no stable release tag on the remote", error.Message);
    }
}
