using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Promotion;

/// <summary>
/// Two PromoteStaging pipelines of one service at once, made to race the same way every time: a pre-receive hook on
/// origin holds the first manifest push whose subject matches until another write has landed on staging's branch,
/// and lets the other one through only once the held push has arrived. So the held run checked and composed its
/// write against the old tip, loses the push, and must decide again on the new tip.
/// </summary>
public sealed class ConcurrentPromotionTests : IDisposable
{
    private readonly PromotionWorld _world = new();
    private readonly string _markers = Directory.CreateTempSubdirectory("cake-release-race-").FullName;

    public void Dispose()
    {
        _world.Dispose();
        Directory.Delete(_markers, recursive: true);
    }

    [Fact]
    public void A_lower_version_that_loses_the_race_is_not_written_over_the_higher_one_and_says_why()
    {
        _world.SeedDev();
        HoldFirstManifestPush(matching: " 0.2.0-rc.1 ");

        var runs = Race("--version=0.2.0", "--version=0.3.0");

        var (lower, higher) = (runs[0], runs[1]);
        Assert.True(higher.ExitCode == 0, higher.ToString());
        Assert.True(lower.ExitCode == 1, lower.ToString());
        var error = Assert.Single(lower.All.Split('\n'), line => line.StartsWith("Error:", StringComparison.Ordinal));
        Assert.Contains("while this promotion was writing, another one put blue 0.3.0-rc.1 into staging", error);
        Assert.Contains("so 0.2.0-rc.1 was not written (that would be a downgrade); staging keeps the newer release", error);
        Assert.True(Directory.Exists(Path.Combine(_markers, "held")), "the hook never held the lower version's push, so the race was not run");
        Assert.Equal("0.3.0-rc.1", _world.Manifest("staging")!.Entry("blue")!.Version);
        Assert.Equal(["promote(blue): 0.3.0-rc.1 dev → staging"], Subjects());
        Assert.Equal(_world.Manifest("staging")!.Entry("blue")!.Digest, _world.TagDigest("blue", "stg"));
    }

    [Fact]
    public void A_higher_version_that_loses_the_race_is_written_on_the_new_tip()
    {
        _world.SeedDev();
        HoldFirstManifestPush(matching: " 0.3.0-rc.1 ");

        var runs = Race("--version=0.2.0", "--version=0.3.0");

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.ToString()));
        Assert.True(Directory.Exists(Path.Combine(_markers, "held")), "the hook never held the higher version's push, so the race was not run");
        Assert.Equal("0.3.0-rc.1", _world.Manifest("staging")!.Entry("blue")!.Version);
        Assert.Equal(["promote(blue): 0.3.0-rc.1 dev → staging", "promote(blue): 0.2.0-rc.1 dev → staging"], Subjects());
    }

    [Fact]
    public void Two_runs_of_the_same_promotion_both_succeed_and_the_loser_says_it_is_already_there()
    {
        _world.SeedDev();
        HoldFirstManifestPush(matching: " 0.3.0-rc.1 ");

        var runs = Race("--version=0.3.0", "--version=0.3.0");

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.ToString()));
        Assert.True(Directory.Exists(Path.Combine(_markers, "held")), "the hook never held a push, so the race was not run");
        Assert.Single(runs, run => run.Output.Contains("blue 0.3.0-rc.1 is already in staging", StringComparison.Ordinal));
        Assert.Equal(["promote(blue): 0.3.0-rc.1 dev → staging"], Subjects());
    }

    private List<ProcessResult> Race(params string[] versions) =>
        versions.AsParallel().AsOrdered().WithDegreeOfParallelism(versions.Length)
            .Select(version => _world.Run("--target=PromoteStaging", "--service=blue", version, "--by=ci-bot"))
            .ToList();

    private List<string> Subjects() =>
        GitRemote.Git(_world.Remote.Bare, "log", "--format=%s", "main..gitops/staging-releases").Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();

    // The held push waits (at most a minute) until the branch moves; any other push to the branch waits (at most a
    // minute) until the held one has arrived. Only staging's branch is held; tags and release branches pass.
    private void HoldFirstManifestPush(string matching) => _world.Hook($$"""
        while read old new ref; do
          [ "$ref" = refs/heads/gitops/staging-releases ] || continue
          tip() { git rev-parse --quiet --verify "$ref" || echo none; }
          if git log -1 --format=' %s ' "$new" | grep -q -F -- '{{matching}}' && mkdir '{{_markers}}/held' 2>/dev/null; then
            start=$(tip); i=0
            while [ "$(tip)" = "$start" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done
          else
            i=0
            while [ ! -d '{{_markers}}/held' ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done
          fi
        done
        exit 0
        """);
}
