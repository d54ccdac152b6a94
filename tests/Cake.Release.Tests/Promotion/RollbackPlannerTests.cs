using Cake.Release.Manifests;
using Cake.Release.Promotion;

namespace Cake.Release.Tests.Promotion;

public sealed class RollbackPlannerTests
{
    private const string Source = "origin/gitops/production-releases:release-manifests/production.yaml";

    // Oldest first here, as a person reads a history; the planner gets them newest first, as git log lists them.
    private static List<RollbackRevision> History(params string?[] versions) =>
        versions.Select((version, i) => new RollbackRevision($"c{i}", version is null ? null : Entry(version, i))).Reverse().ToList();

    private static ManifestEntry Entry(string version, int revision) =>
        new(version, "registry.example.com/acme/blue", $"sha256:{version}-{revision}", $"src-{version}", DateTimeOffset.UnixEpoch);

    private static RollbackTarget Choose(List<RollbackRevision> history, string? version = null) =>
        RollbackPlanner.Choose("production", "blue", history, version, Source);

    [Fact]
    public void The_previous_release_is_the_last_version_before_the_current_one()
    {
        var target = Choose(History("1.5.0", "1.6.0", "1.6.1"));

        Assert.Equal(("1.6.1", "1.6.0", "c1"), (target.Current.Version, target.Target.Version, target.Revision));
        Assert.Equal("sha256:1.6.0-1", target.Target.Digest);
        Assert.False(target.AlreadyRunning);
    }

    [Fact]
    public void Repeats_of_a_version_are_one_release_and_the_newest_entry_of_it_is_taken()
    {
        // Commits of other services leave blue's entry as it is: 1.6.1 appears three times, 1.6.0 twice.
        var target = Choose(History("1.5.0", "1.6.0", "1.6.0", "1.6.1", "1.6.1", "1.6.1"));

        Assert.Equal(("1.6.0", "c2", "sha256:1.6.0-2"), (target.Target.Version, target.Revision, target.Target.Digest));
        Assert.Equal(["1.5.0", "1.6.0", "1.6.1"], target.Ran);
    }

    [Fact]
    public void A_plain_rollback_after_a_rollback_is_done_neither_further_back_nor_forward()
    {
        var target = Choose(History("1.5.0", "1.6.0", "1.6.1", "1.6.0"));

        Assert.True(target.AlreadyRunning);
        Assert.Equal("1.6.0", target.Target.Version);
    }

    [Fact]
    public void Going_further_back_after_a_rollback_takes_the_version()
    {
        var target = Choose(History("1.5.0", "1.6.0", "1.6.1", "1.6.0"), "1.5.0");

        Assert.Equal(("1.6.0", "1.5.0"), (target.Current.Version, target.Target.Version));
    }

    [Fact]
    public void A_new_release_after_a_rollback_is_undone_by_the_next_plain_rollback()
    {
        var target = Choose(History("1.5.0", "1.6.0", "1.6.1", "1.6.0", "1.6.2"));

        Assert.Equal(("1.6.2", "1.6.0"), (target.Current.Version, target.Target.Version));
    }

    [Fact]
    public void A_version_that_ran_may_be_asked_for_even_after_it_was_rolled_back_away_from()
    {
        var target = Choose(History("1.5.0", "1.6.0", "1.6.1", "1.6.0"), "1.6.1");

        Assert.Equal(("1.6.1", "c2"), (target.Target.Version, target.Revision));
    }

    [Fact]
    public void Asking_for_the_running_version_is_already_running()
    {
        var target = Choose(History("1.5.0", "1.6.0"), "1.6.0");

        Assert.True(target.AlreadyRunning);
        Assert.Same(target.Current, target.Target);
    }

    [Fact]
    public void A_service_removed_and_deployed_again_keeps_its_earlier_releases()
    {
        var target = Choose(History("1.5.0", null, "1.6.0"));

        Assert.Equal("1.5.0", target.Target.Version);
    }

    [Fact]
    public void A_single_release_has_nothing_to_roll_back_to()
    {
        var error = Assert.Throws<ReleaseException>(() => Choose(History("1.6.1", "1.6.1")));

        Assert.Equal($"blue 1.6.1 is the only release of blue that ran in production (per {Source}); nothing to roll back to: promote a fixed version instead.", error.Message);
    }

    [Fact]
    public void A_version_that_never_ran_there_is_refused_with_the_versions_that_did()
    {
        var error = Assert.Throws<ReleaseException>(() => Choose(History("1.5.0", "1.6.0", "1.6.1"), "1.4.0"));

        Assert.Equal($"blue 1.4.0 never ran in production (ran: 1.5.0, 1.6.0, 1.6.1, per {Source}); pass one of those to --version.", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.6.0,")]
    public void A_service_that_does_not_run_there_has_nothing_to_roll_back(string history)
    {
        // "1.6.0," is 1.6.0 then a revision without blue: it ran once and was removed.
        var versions = history.Length == 0 ? [] : history.Split(',').Select(v => v.Length == 0 ? null : v).ToArray();
        var error = Assert.Throws<ReleaseException>(() => Choose(History(versions)));

        Assert.StartsWith("blue does not run in production", error.Message);
    }
}
