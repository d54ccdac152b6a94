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
            Assert.True(Precedence.SemVer.Compare(versions[i - 1], versions[i]) < 0, $"{ordered[i - 1]} < {ordered[i]}");
        }

        Assert.Equal(ordered, versions.OrderByDescending(v => v, Precedence.SemVer).Reverse().Select(ReleaseVersion.Text));
    }

    [Theory]
    [InlineData("1.0.0", "2.0.0")]
    [InlineData("2.0.0", "2.1.0")]
    [InlineData("2.1.0", "2.1.1")]
    public void Major_minor_and_patch_compare_numerically(string lower, string higher) =>
        Assert.True(Precedence.SemVer.Compare(ReleaseVersion.Parse(lower, "t"), ReleaseVersion.Parse(higher, "t")) < 0);

    [Fact]
    public void Build_metadata_is_ignored_in_precedence()
    {
        var plain = ReleaseVersion.Parse("1.0.0-alpha", "t");
        var built = ReleaseVersion.Parse("1.0.0-alpha+001", "t");
        var other = ReleaseVersion.Parse("1.0.0-alpha+exp.sha.5114f85", "t");

        Assert.Equal(0, Precedence.SemVer.Compare(plain, built));
        Assert.Equal(0, Precedence.SemVer.Compare(built, other));
        Assert.True(Precedence.SemVer.Equals(built, other));
        Assert.Equal(Precedence.SemVer.GetHashCode(built), Precedence.SemVer.GetHashCode(other));
        Assert.Equal("1.0.0-alpha", ReleaseVersion.Text(built));
    }

    [Theory]
    [InlineData("1.0.0-Alpha", "1.0.0-alpha")]         // ASCII: upper case first; NuGet calls them equal
    [InlineData("1.0.0-RC.1", "1.0.0-alpha.1")]
    [InlineData("1.0.0-alpha.0", "1.0.0-alpha.-1")]    // "-1" has a hyphen: alphanumeric, above any number; NuGet reads -1
    [InlineData("1.0.0-alpha.2147483647", "1.0.0-alpha.2147483648")]
    [InlineData("1.0.0-rc.5000000000", "1.0.0-rc.40000000000")]   // NuGet compares numbers above Int32 as text
    [InlineData("1.0.0-rc.18446744073709551616", "1.0.0-rc.18446744073709551617")]
    [InlineData("1.0.0-rc.99999999999999999999", "1.0.0-rc.a")]
    [InlineData("1.0.0-rc", "1.0.0-rc.0")]
    public void Pre_releases_compare_by_the_spec_not_by_NuGet(string lower, string higher)
    {
        var (low, high) = (ReleaseVersion.Parse(lower, "t"), ReleaseVersion.Parse(higher, "t"));

        Assert.Equal((-1, 1), (Precedence.SemVer.Compare(low, high), Precedence.SemVer.Compare(high, low)));
        Assert.False(Precedence.SemVer.Equals(low, high));
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
    [InlineData("1.2.3\n", "ends in a line break")]
    [InlineData("1.2.3-rc.1\r\n", "ends in a line break")]
    [InlineData("2147483648.0.0", "above 2147483647")]
    [InlineData("1.99999999999.0", "above 2147483647")]
    [InlineData("1.2.3-rc.01\n", "ends in a line break")]
    public void Versions_the_spec_refuses_are_refused_with_the_reason(string text, string reason)
    {
        Assert.False(ReleaseVersion.TryParse(text, out _, out var problem));
        Assert.Contains(reason, problem);
        var error = Assert.Throws<ReleaseException>(() => ReleaseVersion.Parse(text, "Chart.yaml:3"));
        Assert.StartsWith($"Chart.yaml:3: '{text.Replace("\r", "\\r").Replace("\n", "\\n")}' is not a SemVer 2.0.0 version", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("0.0.0")]
    [InlineData("1.2.3-0a")]
    [InlineData("1.2.3-rc.0")]
    [InlineData("1.2.3-x-y.10+build.007")]
    [InlineData("2147483647.2147483647.2147483647-rc.99999999999999999999999")]
    public void Versions_the_spec_allows_are_read(string text) =>
        Assert.True(ReleaseVersion.TryParse(text, out _, out var problem), problem);
}
