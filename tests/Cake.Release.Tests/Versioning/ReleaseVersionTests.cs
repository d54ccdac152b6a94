using Cake.Release.Versioning;

namespace Cake.Release.Tests.Versioning;

public sealed class ReleaseVersionTests
{
    [Fact]
    public void Precedence_follows_the_SemVer_specs_own_example()
    {
        // semver.org §11.4
        string[] ordered = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0"];
        var versions = ordered.Select(v => ReleaseVersion.Parse(v, "test")).ToList();

        for (var i = 1; i < versions.Count; i++)
        {
            Assert.True(versions[i - 1] < versions[i], $"{ordered[i - 1]} < {ordered[i]}");
        }

        Assert.Equal(ordered, versions.OrderByDescending(v => v).Reverse().Select(ReleaseVersion.Text));
    }

    [Theory]
    [InlineData("1.0.0", "2.0.0")]
    [InlineData("2.0.0", "2.1.0")]
    [InlineData("2.1.0", "2.1.1")]
    public void Major_minor_and_patch_compare_numerically(string lower, string higher) =>
        Assert.True(ReleaseVersion.Parse(lower, "t") < ReleaseVersion.Parse(higher, "t"));

    [Fact]
    public void Build_metadata_is_ignored_in_precedence()
    {
        var plain = ReleaseVersion.Parse("1.0.0-alpha", "t");
        var built = ReleaseVersion.Parse("1.0.0-alpha+001", "t");
        var other = ReleaseVersion.Parse("1.0.0-alpha+exp.sha.5114f85", "t");

        Assert.Equal(0, plain.CompareTo(built));
        Assert.Equal(0, built.CompareTo(other));
        Assert.Equal("1.0.0-alpha", ReleaseVersion.Text(built));
    }

    [Theory]
    [InlineData("01.2.3", "leading zero")]
    [InlineData("1.02.3", "leading zero")]
    [InlineData("1.2.03", "leading zero")]
    [InlineData("1.2.3-rc.01", "numeric pre-release identifier has a leading zero")]
    [InlineData("1.2", "exactly three numbers")]
    [InlineData("1.2.3.4", "exactly three numbers")]
    [InlineData("v1.2.3", "leading 'v'")]
    [InlineData("1.2.3-", "character or an empty identifier")]
    [InlineData("1.2.3-rc..1", "character or an empty identifier")]
    [InlineData("1.2.3-rc_1", "character or an empty identifier")]
    [InlineData("", "empty")]
    public void Versions_the_spec_refuses_are_refused_with_the_reason(string text, string reason)
    {
        Assert.False(ReleaseVersion.TryParse(text, out _, out var problem));
        Assert.Contains(reason, problem);
        var error = Assert.Throws<ReleaseException>(() => ReleaseVersion.Parse(text, "Chart.yaml:3"));
        Assert.StartsWith($"Chart.yaml:3: '{text}' is not a SemVer 2.0.0 version", error.Message);
    }

    [Theory]
    [InlineData("0.0.0")]
    [InlineData("1.2.3-0a")]
    [InlineData("1.2.3-rc.0")]
    [InlineData("1.2.3-x-y.10+build.007")]
    public void Versions_the_spec_allows_are_read(string text) =>
        Assert.True(ReleaseVersion.TryParse(text, out _, out var problem), problem);
}
