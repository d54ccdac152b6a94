using System.Diagnostics;
using Cake.Release.Promotion;
using Cake.Release.Registry;
using Cake.Release.Tests.Infrastructure;
using Cake.Release.Tests.Registry;

namespace Cake.Release.Tests.Promotion;

/// <summary>
/// Hotfix on the shop monorepo with a bare origin: blue released 1.6.0 and 1.6.1 (annotated tags), main moved on,
/// then a fix that applies to 1.6 and one that conflicts with it.
/// </summary>
public sealed class HotfixTests : IDisposable
{
    private const string Branch = "release/blue-1.6";

    // Images go to an OCI layout outside the clone, built by the daemonless oci-layer builder.
    private readonly string _layout = Directory.CreateTempSubdirectory("cake-release-hotfix-images-").FullName;
    private readonly GitRemote _remote;
    private readonly string _clone;
    private readonly string _released;
    private readonly string _fix;
    private readonly string _conflicting;

    public HotfixTests()
    {
        _remote = ShopMonorepo.Create($"oci:{_layout}", "oci-layer");
        _clone = _remote.Clone();
        Release("1.6.0");
        _released = Release("1.6.1");
        ShopMonorepo.Commit(_clone, "feat(blue): 2.0 work", new Dictionary<string, string?> { ["projects/blue/app.txt"] = "blue 2.0 work\n" });
        _fix = ShopMonorepo.Commit(_clone, "fix(blue): guard the null cart", new Dictionary<string, string?> { ["projects/blue/fix.txt"] = "guard\n" });
        _conflicting = ShopMonorepo.Commit(_clone, "fix(blue): app text", new Dictionary<string, string?> { ["projects/blue/app.txt"] = "blue 2.0 work, fixed\n" });
    }

    public void Dispose()
    {
        _remote.Dispose();
        Directory.Delete(_layout, recursive: true);
    }

    private string? ImageTagDigest(string tag)
    {
        var image = ImageReference.InRegistry($"oci:{_layout}", "blue");
        using var store = ImageStores.Open(image);
        return store.ResolveAsync(image.Repository, tag).GetAwaiter().GetResult()?.Digest;
    }

    private string Release(string version)
    {
        var commit = ShopMonorepo.Commit(_clone, $"chore(release): blue {version}", new Dictionary<string, string?> { ["projects/blue/app.txt"] = $"blue {version}\n" });
        GitRemote.Git(_clone, "tag", "-a", $"blue/{version}", "-m", $"blue {version}", commit);
        GitRemote.Git(_clone, "push", "--quiet", "origin", $"refs/tags/blue/{version}");
        return commit;
    }

    private (HotfixResult Result, RecordingLog Log) Hotfix(string commit, bool dryRun = false, string? line = null)
    {
        var (context, log) = CakeContexts.Create();
        var result = context.Hotfix(new HotfixSettings { Service = "blue", Commit = commit, Line = line, ConfigFile = Path.Combine(_clone, "release.yaml"), DryRun = dryRun });
        return (result, log);
    }

    private string Remote(params string[] args) => GitRemote.Git(_remote.Bare, args).Trim();

    private string RemoteRefs => Remote("for-each-ref", "--format=%(refname) %(objectname)");

    private string Worktrees => GitRemote.Git(_clone, "worktree", "list", "--porcelain");

    [Fact]
    public void Picks_the_fix_onto_a_release_branch_made_from_the_last_tag_and_tags_the_next_patch_at_its_tip()
    {
        // The push moves origin/release/blue-1.6 in the clone, as any git push does; nothing else of the clone changes.
        var local = GitRemote.LocalState(_clone, includeRemoteTracking: false);
        var localTags = GitRemote.Git(_clone, "tag", "--list");
        var worktrees = Worktrees;

        var (result, log) = Hotfix(_fix[..7]);

        Assert.Equal((HotfixOutcome.Released, "1.6.2", "blue/1.6.2", Branch, _fix), (result.Outcome, result.Version, result.Tag, result.Branch, result.Fix));
        Assert.Equal(result.Commit, Remote("rev-parse", Branch));
        Assert.Equal(result.Commit, Remote("rev-parse", "blue/1.6.2^{commit}"));
        Assert.Equal("tag", Remote("cat-file", "-t", "blue/1.6.2"));
        Assert.Equal(_released, Remote("rev-parse", $"{Branch}^"));
        Assert.Contains($"(cherry picked from commit {_fix})", Remote("log", "-1", "--format=%B", Branch));
        Assert.Equal("guard\n", _remote.Show(Branch, "projects/blue/fix.txt"));
        Assert.Equal("blue 1.6.1\n", _remote.Show(Branch, "projects/blue/app.txt"));

        Assert.NotNull(result.Build);
        Assert.Equal(($"sha-{result.Commit[..7]}", result.Build.Digest), (result.Build.Tag, ImageTagDigest(result.Build.Tag)));

        Assert.Equal(worktrees, Worktrees);
        Assert.Equal(local, GitRemote.LocalState(_clone, includeRemoteTracking: false));
        Assert.Equal(localTags, GitRemote.Git(_clone, "tag", "--list"));
        Assert.Contains("Next: ./build.sh --target=PromoteStaging --service=blue --version=1.6.2", log.Lines);
        Assert.Equal("./build.sh --target=PromoteStaging --service=blue --version=1.6.2", result.NextCommand);
    }

    [Fact]
    public void A_re_run_after_success_finds_the_fix_released_and_changes_nothing()
    {
        var (first, _) = Hotfix(_fix);
        var refs = RemoteRefs;

        var (again, log) = Hotfix(_fix);

        Assert.Equal((HotfixOutcome.AlreadyReleased, "blue/1.6.2", first.Commit), (again.Outcome, again.Tag, again.Commit));
        Assert.Contains(log.Lines, line => line.Contains($"blue's fix {_fix[..7]} is already in blue/1.6.2", StringComparison.Ordinal));
        Assert.Equal(refs, RemoteRefs);
    }

    [Fact]
    public void A_fix_already_in_the_lines_last_release_changes_nothing()
    {
        var refs = RemoteRefs;

        var (result, _) = Hotfix(_released);

        Assert.Equal((HotfixOutcome.AlreadyReleased, "blue/1.6.1"), (result.Outcome, result.Tag));
        Assert.Equal(refs, RemoteRefs);
    }

    [Fact]
    public void A_second_fix_goes_on_top_of_the_existing_release_branch()
    {
        var (first, _) = Hotfix(_fix);
        var second = ShopMonorepo.Commit(_clone, "fix(blue): another", new Dictionary<string, string?> { ["projects/blue/other.txt"] = "other\n" });

        var (result, _) = Hotfix(second);

        Assert.Equal(("1.6.3", first.Commit), (result.Version, Remote("rev-parse", $"{Branch}^")));
        Assert.Equal(result.Commit, Remote("rev-parse", "blue/1.6.3^{commit}"));
    }

    [Fact]
    public void A_conflicting_fix_is_refused_with_its_files_and_nothing_is_pushed_or_left_behind()
    {
        var refs = RemoteRefs;
        var local = GitRemote.LocalState(_clone);
        var worktrees = Worktrees;

        var error = Assert.Throws<ReleaseException>(() => Hotfix(_conflicting));

        Assert.Equal(
            $"blue: cherry-picking {_conflicting[..7]} onto blue/1.6.1 (a new {Branch}) conflicts in projects/blue/app.txt; nothing was pushed: backport it by hand (git switch -c {Branch} blue/1.6.1 && git cherry-pick -x {_conflicting[..7]}, resolve, git push origin {Branch}), then run Hotfix again to build and tag it.",
            error.Message);
        Assert.Equal(refs, RemoteRefs);
        Assert.Equal(local, GitRemote.LocalState(_clone));
        Assert.Equal(worktrees, Worktrees);
    }

    [Fact]
    public void A_run_that_pushed_the_branch_but_not_the_tag_is_completed_by_tagging_the_branch()
    {
        // As if a first run died between its two pushes: the pick is on the branch, no tag names it.
        var scratch = _remote.Clone();
        GitRemote.Git(scratch, "switch", "--quiet", "--detach", "blue/1.6.1");
        GitRemote.Git(scratch, "cherry-pick", "-x", _fix);
        GitRemote.Git(scratch, "push", "--quiet", "origin", $"HEAD:refs/heads/{Branch}");
        var tip = Remote("rev-parse", Branch);

        var (result, _) = Hotfix(_fix);

        Assert.Equal((HotfixOutcome.Completed, "blue/1.6.2", tip), (result.Outcome, result.Tag, result.Commit));
        Assert.Equal(tip, Remote("rev-parse", Branch));
        Assert.Equal(tip, Remote("rev-parse", "blue/1.6.2^{commit}"));
    }

    [Fact]
    public void A_dry_run_tries_the_pick_and_changes_nothing()
    {
        var refs = RemoteRefs;
        var local = GitRemote.LocalState(_clone);
        var worktrees = Worktrees;

        var (result, log) = Hotfix(_fix, dryRun: true);

        Assert.Equal((HotfixOutcome.Planned, "blue/1.6.2"), (result.Outcome, result.Tag));
        Assert.Contains(log.Lines, line => line.StartsWith("Dry run: would build blue", StringComparison.Ordinal) && line.Contains($"origin/{Branch} (new, from blue/1.6.1)", StringComparison.Ordinal));
        Assert.Equal(refs, RemoteRefs);
        Assert.Equal(local, GitRemote.LocalState(_clone));
        Assert.Equal(worktrees, Worktrees);
    }

    [Fact]
    public void The_task_refuses_a_conflict_in_one_line()
    {
        var refs = RemoteRefs;

        var result = ReleasePipeline.RunIn(_clone, "--target=Hotfix", "--service=blue", $"--commit={_conflicting}");

        result.AssertRefused($"blue: cherry-picking {_conflicting[..7]} onto blue/1.6.1 (a new {Branch}) conflicts in projects/blue/app.txt; nothing was pushed");
        Assert.Equal(refs, RemoteRefs);
    }

    [Fact]
    public void A_killed_run_leaves_a_worktree_that_the_next_run_removes_and_the_users_own_worktrees_stay()
    {
        // The user's own: one in use, and one whose folder was moved away (git calls it prunable; it is not ours to prune).
        var user = Path.Combine(_remote.Folder, "user-worktree");
        GitRemote.Git(_clone, "worktree", "add", "--detach", "--quiet", user, "HEAD");
        var moved = Path.Combine(_remote.Folder, "moved-worktree");
        GitRemote.Git(_clone, "worktree", "add", "--detach", "--quiet", moved, "HEAD");
        Directory.Delete(moved, recursive: true);
        var stale = KillHotfixInItsWorktree();

        var (result, _) = Hotfix(_fix);

        Assert.Equal(HotfixOutcome.Released, result.Outcome);
        Assert.DoesNotContain(stale, Worktrees, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.GetDirectoryName(stale)), $"{stale} is still there");
        Assert.Contains($"worktree {user}", Worktrees.Split('\n'));
        Assert.Contains($"worktree {moved}", Worktrees.Split('\n'));
        Assert.True(File.Exists(Path.Combine(user, "release.yaml")));
    }

    [Fact]
    public void The_worktree_of_a_hotfix_still_running_is_left_alone()
    {
        var (running, worktree) = StartHotfixHeldInItsWorktree();
        using (running)
        {
            try
            {
                var (result, _) = Hotfix(_fix, dryRun: true);

                Assert.Equal(HotfixOutcome.Planned, result.Outcome);
                Assert.Contains(worktree, Worktrees, StringComparison.Ordinal);
                Assert.True(Directory.Exists(worktree));
            }
            finally
            {
                running.Kill(entireProcessTree: true);
                running.WaitForExit();
            }
        }
    }

    // A Hotfix process stopped by a post-checkout hook right after git added its worktree, then killed there.
    private string KillHotfixInItsWorktree()
    {
        var (process, worktree) = StartHotfixHeldInItsWorktree();
        using (process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        Assert.Contains(worktree, Worktrees, StringComparison.Ordinal);
        Assert.True(Directory.Exists(worktree));
        return worktree;
    }

    private (Process Process, string Worktree) StartHotfixHeldInItsWorktree()
    {
        var marker = Path.Combine(_remote.Folder, "worktree-added");
        var hook = Path.Combine(_clone, ".git", "hooks", "post-checkout");
        File.WriteAllText(hook, $"#!/bin/sh\nif [ ! -e \"{marker}\" ]; then pwd > \"{marker}.tmp\"; mv \"{marker}.tmp\" \"{marker}\"; sleep 120; fi\n");
        ProcessRun.Start("chmod", ["+x", hook]);
        var process = ReleasePipeline.Start(_clone, new Dictionary<string, string> { ["GIT_CONFIG_NOSYSTEM"] = "1" }, "--target=Hotfix", "--service=blue", $"--commit={_fix}");
        var waited = Stopwatch.StartNew();
        while (!File.Exists(marker) && !process.HasExited && waited.Elapsed < TimeSpan.FromMinutes(2))
        {
            Thread.Sleep(50);
        }

        Assert.True(File.Exists(marker), $"the Hotfix never added its worktree (exited: {process.HasExited})");
        return (process, File.ReadAllText(marker).Trim());
    }
}
