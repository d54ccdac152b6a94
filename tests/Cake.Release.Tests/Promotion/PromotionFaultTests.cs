using System.Diagnostics;
using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Promotion;

/// <summary>
/// A promotion interrupted after any step (registry down, a push refused, the process killed) is completed by
/// running it again, to the same end state as an uninterrupted run.
/// </summary>
public sealed class PromotionFaultTests : IDisposable
{
    private readonly PromotionWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public void Soak_not_met_is_refused_along_with_every_other_failed_check()
    {
        using var world = new PromotionWorld(yaml => yaml.Replace("    approvals: 2\n", "    approvals: 2\n    soak: 24h\n", StringComparison.Ordinal));
        world.SeedDev();
        Assert.Equal(0, world.Run("--target=PromoteStaging", "--service=blue", "--version=1.6.0").ExitCode);
        var before = world.State();

        var result = world.Run("--target=PromoteProduction", "--service=blue", "--by=alice");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("[FAIL] soak: ran 0m in staging, production needs 1d; promote after ", result.Output);
        Assert.Contains("[FAIL] approvals:", result.Output);
        Assert.Contains("2 check(s) failed", result.All);
        Assert.Equal(before, world.State());
    }

    [Fact]
    public void With_the_registry_stopped_nothing_changes_and_a_re_run_after_it_is_back_converges()
    {
        var (commit, digest) = _world.SeedDev();
        var before = _world.State();
        _world.Registry.Stop();

        var down = _world.Run("--target=PromoteStaging", "--service=blue", "--version=1.6.0");

        Assert.True(down.ExitCode == 1, down.ToString());
        Assert.Contains("[FAIL] digest: could not ask the registry", down.Output);
        _world.Registry.Run();
        Assert.Equal(before, _world.State());
        var again = _world.Run("--target=PromoteStaging", "--service=blue", "--version=1.6.0");
        Assert.True(again.ExitCode == 0, again.ToString());
        AssertStaging(commit, digest);
    }

    [Fact]
    public void A_rejected_manifest_push_leaves_tags_and_branch_done_and_a_re_run_completes_the_manifest()
    {
        var (commit, digest) = _world.SeedDev();
        var fired = Path.Combine(_world.Remote.Folder, "rejected-once");
        _world.Hook($"""
            while read old new ref; do
              if [ "$ref" = "refs/heads/gitops/staging-releases" ] && [ ! -e "{fired}" ]; then
                touch "{fired}"; echo "staging is frozen (test)"; exit 1
              fi
            done
            exit 0
            """);

        var rejected = _world.Run("--target=PromoteStaging", "--service=blue", "--version=1.6.0");

        Assert.True(rejected.ExitCode == 1, rejected.ToString());
        Assert.Null(_world.Manifest("staging"));
        Assert.Equal(commit, _world.RemoteCommit("refs/tags/blue/1.6.0-rc.1"));
        var again = _world.Run("--target=PromoteStaging", "--service=blue", "--version=1.6.0");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("the tag blue/1.6.0-rc.1 is already on origin", again.Output);
        AssertStaging(commit, digest);
    }

    [Theory]
    [InlineData("refs/heads/release/blue-1.6")]
    [InlineData("refs/tags/blue/1.6.0-rc.1")]
    public void A_rejected_release_ref_push_leaves_the_manifest_alone_and_a_re_run_completes_the_rest(string reference)
    {
        var (commit, digest) = _world.SeedDev();
        var fired = Path.Combine(_world.Remote.Folder, "rejected-once");
        _world.Hook($"""
            while read old new ref; do
              if [ "$ref" = "{reference}" ] && [ ! -e "{fired}" ]; then
                touch "{fired}"; echo "protected ref (test)"; exit 1
              fi
            done
            exit 0
            """);

        var rejected = _world.Run("--target=PromoteStaging", "--service=blue", "--version=1.6.0");

        Assert.True(rejected.ExitCode == 1, rejected.ToString());
        Assert.Null(_world.RemoteCommit(reference));
        Assert.Null(_world.Manifest("staging"));
        Assert.Equal(digest, _world.TagDigest("blue", "stg"));
        var again = _world.Run("--target=PromoteStaging", "--service=blue", "--version=1.6.0");
        Assert.True(again.ExitCode == 0, again.ToString());
        AssertStaging(commit, digest);
    }

    [Fact]
    public void A_process_killed_while_pushing_the_manifest_is_completed_by_a_re_run()
    {
        var (commit, digest) = _world.SeedDev();
        var reached = Path.Combine(_world.Remote.Folder, "push-reached");
        _world.Hook($"""
            while read old new ref; do
              if [ "$ref" = "refs/heads/gitops/staging-releases" ] && [ ! -e "{reached}" ]; then
                touch "{reached}"; sleep 120; exit 1
              fi
            done
            exit 0
            """);

        using (var process = _world.Start("--target=PromoteStaging", "--service=blue", "--version=1.6.0"))
        {
            var waited = Stopwatch.StartNew();
            while (!File.Exists(reached) && !process.HasExited && waited.Elapsed < TimeSpan.FromMinutes(2))
            {
                Thread.Sleep(50);
            }

            Assert.True(File.Exists(reached), "the pipeline never reached the manifest push");
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        Assert.Null(_world.Manifest("staging"));
        var again = _world.Run("--target=PromoteStaging", "--service=blue", "--version=1.6.0");
        Assert.True(again.ExitCode == 0, again.ToString());
        AssertStaging(commit, digest);
    }

    private void AssertStaging(string commit, string digest)
    {
        var entry = _world.Manifest("staging")!.Entry("blue")!;
        Assert.Equal(("1.6.0-rc.1", digest, commit), (entry.Version, entry.Digest, entry.Commit));
        Assert.Equal(commit, _world.RemoteCommit("refs/tags/blue/1.6.0-rc.1"));
        Assert.Equal(commit, _world.RemoteCommit("refs/heads/release/blue-1.6"));
        Assert.Equal(digest, _world.TagDigest("blue", "1.6.0-rc.1"));
        Assert.Equal(digest, _world.TagDigest("blue", "stg"));
        Assert.Single(GitRemote.Git(_world.Remote.Bare, "tag", "--list", "blue/*").Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
