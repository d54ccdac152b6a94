using Cake.Release.Versioning;
using NuGet.Versioning;

namespace Cake.Release.Tests.Versioning;

public sealed class VersionLineTests
{
    [Theory]
    [InlineData("1.5.3", "major", "2.0.0")]
    [InlineData("1.5.3", "minor", "1.6.0")]
    [InlineData("1.5.3", "patch", "1.5.4")]
    [InlineData("", "minor", "0.1.0")]
    public void A_stable_line_bumps_by_the_rule(string existing, string bump, string expected) =>
        Assert.Equal(expected, Next(existing, new VersionRequest { Bump = VersionRequest.ParseBump(bump) }, ChangeLevel.Patch));

    [Theory]
    [InlineData(ChangeLevel.Major, "2.0.0")]
    [InlineData(ChangeLevel.Minor, "1.6.0")]
    [InlineData(ChangeLevel.Patch, "1.5.4")]
    public void Auto_follows_the_changes(ChangeLevel level, string expected) =>
        Assert.Equal(expected, Next("1.5.3", new VersionRequest(), level));

    [Fact]
    public void Below_one_a_breaking_change_bumps_the_minor_unless_configured_otherwise()
    {
        Assert.Equal("0.5.0", Next("0.4.2", new VersionRequest(), ChangeLevel.Major));
        Assert.Equal("1.0.0", Next("0.4.2", new VersionRequest(), ChangeLevel.Major, rules: new VersionRules { BreakingBelowOneBumpsMinor = false }));
        Assert.Equal("1.0.0", Next("0.4.2", new VersionRequest { Bump = VersionBump.Major }, ChangeLevel.Patch));
    }

    [Fact]
    public void The_lifecycle_goes_alpha_beta_rc_stable_with_counters_that_restart_on_each_channel()
    {
        var tags = new List<string> { "1.5.3" };
        string Step(string? channel)
        {
            var next = Next(string.Join(' ', tags), new VersionRequest { PreRelease = channel }, ChangeLevel.Minor);
            tags.Add(next);
            return next;
        }

        Assert.Equal("1.6.0-alpha.1", Step("alpha"));
        Assert.Equal("1.6.0-alpha.2", Step("alpha"));
        Assert.Equal("1.6.0-beta.1", Step("beta"));
        Assert.Equal("1.6.0-rc.1", Step("rc"));
        Assert.Equal("1.6.0-rc.2", Step("rc"));
        Assert.Equal("1.6.0", Step(null));
        Assert.Equal("1.7.0-alpha.1", Step("alpha"));
    }

    [Fact]
    public void Counters_compare_numerically_and_are_never_reused()
    {
        Assert.Equal("1.6.0-rc.11", Next("1.5.0 1.6.0-rc.2 1.6.0-rc.10 1.6.0-rc.9", new VersionRequest { PreRelease = "rc" }, ChangeLevel.Minor));
        // rc.1 was deleted but rc.2 exists: the next is rc.3, never rc.1 again.
        Assert.Equal("1.6.0-rc.3", Next("1.5.0 1.6.0-rc.2", new VersionRequest { PreRelease = "rc" }, ChangeLevel.Minor));
    }

    [Fact]
    public void Prerelease_continues_the_current_channel_or_starts_the_first()
    {
        Assert.Equal("1.6.0-beta.3", Next("1.5.0 1.6.0-beta.2", new VersionRequest { Bump = VersionBump.Prerelease }, ChangeLevel.Patch));
        Assert.Equal("1.5.1-alpha.1", Next("1.5.0", new VersionRequest { Bump = VersionBump.Prerelease }, ChangeLevel.Patch));
        Assert.Equal("1.6.0-alpha.1", Next("1.5.0", new VersionRequest { Bump = VersionBump.Prerelease }, ChangeLevel.Minor));
    }

    [Fact]
    public void A_breaking_change_on_the_way_to_a_minor_release_moves_the_line_to_the_next_major()
    {
        Assert.Equal("2.0.0-rc.1", Next("1.5.3 1.6.0-rc.1", new VersionRequest { PreRelease = "rc" }, ChangeLevel.Major));
        Assert.Equal("2.0.0", Next("1.5.3 1.6.0-rc.1", new VersionRequest(), ChangeLevel.Major));
        // A feature on the way to a patch release moves it to the minor; a fix on the way to a major stays on it.
        Assert.Equal("1.6.0-beta.1", Next("1.5.3 1.5.4-beta.2", new VersionRequest { PreRelease = "beta" }, ChangeLevel.Minor));
        Assert.Equal("2.0.0-rc.2", Next("1.5.3 2.0.0-rc.1", new VersionRequest { PreRelease = "rc" }, ChangeLevel.Patch));
    }

    [Fact]
    public void A_channel_switch_without_new_commits_is_a_release_but_a_renumbering_is_not()
    {
        Assert.Equal("1.6.0-beta.1", Next("1.5.0 1.6.0-alpha.2", new VersionRequest { PreRelease = "beta" }, ChangeLevel.Minor, changedSinceLatest: false));
        Assert.Equal("1.6.0", Next("1.5.0 1.6.0-rc.2", new VersionRequest(), ChangeLevel.Minor, changedSinceLatest: false));
        Assert.Null(VersionLine.Next("blue", Versions("1.5.0 1.6.0-rc.2"), new VersionRequest { PreRelease = "rc" }, ChangeLevel.Minor, false));
        Assert.Null(VersionLine.Next("blue", Versions("1.6.0"), new VersionRequest(), ChangeLevel.None, false));
    }

    [Fact]
    public void A_line_never_goes_back_to_an_earlier_channel()
    {
        var error = Assert.Throws<ReleaseException>(() => Next("1.5.0 1.6.0-rc.1", new VersionRequest { PreRelease = "beta" }, ChangeLevel.Minor));
        Assert.Equal("blue is at 1.6.0-rc.1: a release line does not go back from rc to beta; pass --prerelease=rc (or a later channel), or release 1.6.0 without --prerelease.", error.Message);
    }

    [Fact]
    public void An_explicit_version_must_be_greater_than_the_current_one()
    {
        Assert.Equal("1.7.0", Next("1.6.0", new VersionRequest { Explicit = SemanticVersion.Parse("1.7.0") }, ChangeLevel.None));
        var error = Assert.Throws<ReleaseException>(() => Next("1.6.0", new VersionRequest { Explicit = SemanticVersion.Parse("1.6.0-rc.1") }, ChangeLevel.None));
        Assert.Equal("blue: --version=1.6.0-rc.1 is not greater than the current version 1.6.0; pass a higher version, e.g. 1.6.1, or --bump.", error.Message);
    }

    [Fact]
    public void An_unknown_bump_rule_is_refused() =>
        Assert.Equal("--bump=huge is not a bump rule; pass --bump=major, minor, patch, prerelease or auto.",
            Assert.Throws<ReleaseException>(() => VersionRequest.ParseBump("huge")).Message);

    [Fact]
    public void A_counter_continues_above_the_highest_one_even_beyond_Int64()
    {
        Assert.Equal("1.0.0-rc.40000000001", Next("0.9.0 1.0.0-rc.40000000000 1.0.0-rc.5000000000", new VersionRequest { PreRelease = "rc" }, ChangeLevel.Minor));
        Assert.Equal("1.0.0-rc.100000000000000000000", Next("0.9.0 1.0.0-rc.99999999999999999999", new VersionRequest { PreRelease = "rc" }, ChangeLevel.Minor));
    }

    [Fact]
    public void A_hyphenated_counter_is_no_negative_number_and_the_line_never_goes_back_below_it()
    {
        // alpha.-1 is alphanumeric (SemVer §11.4.3), so it sorts above alpha.0 and alpha.1: neither may come next.
        var error = Assert.Throws<ReleaseException>(() => Next("0.9.0 1.0.0-alpha.-1", new VersionRequest { PreRelease = "alpha" }, ChangeLevel.Minor));

        Assert.Contains("1.0.0-alpha.-1, which sorts above 1.0.0-alpha.1", error.Message);
    }

    private static string Next(string existing, VersionRequest request, ChangeLevel level, bool changedSinceLatest = true, VersionRules? rules = null) =>
        ReleaseVersion.Text(VersionLine.Next("blue", Versions(existing), request, level, changedSinceLatest, rules) ?? throw new Xunit.Sdk.XunitException("nothing to release"));

    private static List<SemanticVersion> Versions(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => ReleaseVersion.Parse(v, "test")).ToList();
}
