using Cake.Release.Diffs;
using Cake.Release.GitOps;
using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.GitOps;

public sealed class BranchWriterTests : IDisposable
{
    private const string Branch = "gitops/dev-auto-update";
    private readonly GitRemote _remote = new(new Dictionary<string, string>
    {
        ["README.md"] = "monorepo\n",
        ["k8s/values.yaml"] = "image:\r\n  tag: old",   // CRLF and no final newline
    });

    public void Dispose() => _remote.Dispose();

    [Fact]
    public void Creates_the_branch_from_main_and_leaves_the_checkout_alone()
    {
        var clone = _remote.Clone();
        File.WriteAllText(Path.Combine(clone, "README.md"), "a local edit in progress\n");
        var before = GitRemote.LocalState(clone, includeRemoteTracking: false);

        var result = Writer(clone).Write("origin", Branch, "main", Set("release-manifests/dev.yaml", "environment: dev\n"), dryRun: false);

        Assert.Equal(BranchWriteOutcome.Committed, result.Outcome);
        Assert.True(result.Created);
        Assert.Equal("environment: dev\n", _remote.Show(Branch, "release-manifests/dev.yaml"));
        Assert.Equal(GitRemote.Git(_remote.Bare, "rev-parse", "main").Trim(), GitRemote.Git(_remote.Bare, "rev-parse", $"{Branch}^").Trim());
        Assert.Equal("monorepo\n", _remote.Show(Branch, "README.md"));
        Assert.Equal(before, GitRemote.LocalState(clone, includeRemoteTracking: false));
        Assert.Equal(result.Commit, GitRemote.Git(clone, "rev-parse", $"origin/{Branch}").Trim()); // as any push does
    }

    [Fact]
    public void Commits_exactly_the_edited_bytes()
    {
        var clone = _remote.Clone();

        var result = Writer(clone).Write("origin", Branch, "main", snapshot =>
        {
            Assert.Equal("image:\r\n  tag: old", snapshot.ReadText("k8s/values.yaml"));
            return new BranchChange("edit", [new FileEdit("k8s/values.yaml", "image:\r\n  tag: new")]);
        }, dryRun: false);

        Assert.Equal(BranchWriteOutcome.Committed, result.Outcome);
        Assert.Equal("image:\r\n  tag: new"u8.ToArray(), _remote.ShowBytes(Branch, "k8s/values.yaml"));
    }

    [Fact]
    public void An_edit_the_branch_already_holds_commits_nothing()
    {
        var clone = _remote.Clone();
        Writer(clone).Write("origin", Branch, "main", Set("release-manifests/dev.yaml", "environment: dev\n"), dryRun: false);
        var tip = GitRemote.Git(_remote.Bare, "rev-parse", Branch);

        var again = Writer(clone).Write("origin", Branch, "main", Set("release-manifests/dev.yaml", "environment: dev\n"), dryRun: false);

        Assert.Equal(BranchWriteOutcome.Unchanged, again.Outcome);
        Assert.Empty(again.Changes);
        Assert.Equal(tip, GitRemote.Git(_remote.Bare, "rev-parse", Branch));
    }

    [Fact]
    public void A_dry_run_plans_the_change_and_moves_no_ref()
    {
        var clone = _remote.Clone();
        var remoteBefore = GitRemote.Git(_remote.Bare, "for-each-ref");
        var localBefore = GitRemote.LocalState(clone);

        var plan = Writer(clone).Write("origin", Branch, "main", Set("k8s/values.yaml", "image:\r\n  tag: new"), dryRun: true);

        Assert.Equal(BranchWriteOutcome.Planned, plan.Outcome);
        Assert.Equal(new FileChange("k8s/values.yaml", "image:\r\n  tag: old", "image:\r\n  tag: new"), Assert.Single(plan.Changes));
        Assert.Equal(remoteBefore, GitRemote.Git(_remote.Bare, "for-each-ref"));
        Assert.Equal(localBefore, GitRemote.LocalState(clone));
    }

    [Fact]
    public void A_push_that_loses_the_race_is_reapplied_on_the_new_tip()
    {
        var ours = _remote.Clone();
        var theirs = _remote.Clone();
        Writer(ours).Write("origin", Branch, "main", Set("services.txt", "blue\n"), dryRun: false);

        var attempts = 0;
        var result = Writer(ours).Write("origin", Branch, "main", snapshot =>
        {
            if (++attempts == 1)
            {
                // Another pipeline lands between our read and our push.
                Writer(theirs).Write("origin", Branch, "main", Append("services.txt", "green"), dryRun: false);
            }

            return Append("services.txt", "red")(snapshot);
        }, dryRun: false);

        Assert.Equal(2, result.Attempts);
        Assert.Equal("blue\ngreen\nred\n", _remote.Show(Branch, "services.txt"));
        Assert.Equal(4, int.Parse(GitRemote.Git(_remote.Bare, "rev-list", "--count", Branch)));
    }

    [Fact]
    public void Twenty_concurrent_writers_all_land()
    {
        var clones = Enumerable.Range(0, 20).Select(_ => _remote.Clone()).ToList();

        var results = clones.AsParallel().WithDegreeOfParallelism(20).Select((clone, i) =>
            Writer(clone).Write("origin", Branch, "main", Append("services.txt", $"service-{i:00}"), dryRun: false)).ToList();

        Assert.All(results, r => Assert.Equal(BranchWriteOutcome.Committed, r.Outcome));
        var lines = _remote.Show(Branch, "services.txt").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"service-{i:00}"), lines.Order());
        Assert.Equal("20", GitRemote.Git(_remote.Bare, "rev-list", "--count", $"main..{Branch}").Trim());
    }

    [Fact]
    public void Two_writers_of_one_value_both_commit_and_the_later_stands()
    {
        var clones = new[] { _remote.Clone(), _remote.Clone() };

        Parallel.For(0, 2, i => Writer(clones[i]).Write("origin", Branch, "main", Set("blue.txt", $"version {i}\n"), dryRun: false));

        var log = GitRemote.Git(_remote.Bare, "log", "--format=%s", $"main..{Branch}").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, log.Length);
        Assert.Equal($"version {log[0][^1]}\n", _remote.Show(Branch, "blue.txt"));
    }

    [Fact]
    public void A_push_the_remote_refuses_for_good_is_not_retried()
    {
        var clone = _remote.Clone();
        var hook = Path.Combine(_remote.Bare, "hooks", "pre-receive");
        File.WriteAllText(hook, "#!/bin/sh\necho 'protected branch' >&2\nexit 1\n");
        Assert.Equal(0, ProcessRun.Start("chmod", ["+x", hook]).ExitCode);
        var calls = 0;

        var error = Assert.Throws<ReleaseException>(() => Writer(clone).Write("origin", Branch, "main", snapshot =>
        {
            calls++;
            return Set("blue.txt", "x\n")(snapshot);
        }, dryRun: false));

        Assert.Equal(1, calls);
        Assert.StartsWith($"origin refused the push to {Branch}: ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Empty(GitRemote.Git(_remote.Bare, "for-each-ref", $"refs/heads/{Branch}"));
    }

    [Fact]
    public void A_remote_without_the_branch_or_main_is_refused_with_the_fix()
    {
        var clone = _remote.Clone();

        var error = Assert.Throws<ReleaseException>(() => Writer(clone).Write("origin", Branch, "trunk", Set("a.txt", "a\n"), dryRun: false));

        Assert.Equal($"origin has neither '{Branch}' nor 'trunk' to create it from; push trunk first (git push origin trunk).", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_refused_naming_branch_and_path()
    {
        var seed = _remote.Seed;
        File.WriteAllBytes(Path.Combine(seed, "latin1.yaml"), [0x6B, 0x3A, 0x20, 0xE9, 0x0A]);
        GitRemote.Git(seed, "add", "latin1.yaml");
        GitRemote.Git(seed, "commit", "--quiet", "-m", "latin1");
        GitRemote.Git(seed, "push", "--quiet", "origin", "HEAD:main");

        var error = Assert.Throws<ReleaseException>(() => Writer(_remote.Clone()).Write("origin", Branch, "main", Append("latin1.yaml", "x"), dryRun: false));

        Assert.StartsWith($"origin/{Branch}:latin1.yaml is not UTF-8 text", error.Message);
    }

    [Fact]
    public void Without_patience_a_write_that_keeps_losing_gives_up_after_its_attempts_naming_them()
    {
        var (clone, rival) = (_remote.Clone(), _remote.Clone());
        Overtake(rival, "the branch");
        var losses = 0;

        var error = Assert.Throws<ReleaseException>(() => Writer(clone, new PushRetry(3, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1)))
            .Write("origin", Branch, "main", Overtaken(rival, () => ++losses > 0), dryRun: false));

        Assert.Equal(3, losses);
        Assert.Contains("kept moving: 3 pushes in", error.Message);
        Assert.DoesNotContain("mine.txt", GitRemote.Git(_remote.Bare, "ls-tree", "-r", "--name-only", Branch));
    }

    [Fact]
    public void Patience_keeps_a_write_trying_past_its_attempts_until_the_time_is_spent()
    {
        var (clone, rival) = (_remote.Clone(), _remote.Clone());
        Overtake(rival, "the branch");
        var losses = 0;
        var retry = new PushRetry(2, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1)) { Patience = TimeSpan.FromSeconds(1) };
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var error = Assert.Throws<ReleaseException>(() => Writer(clone, retry).Write("origin", Branch, "main", Overtaken(rival, () => ++losses > 0), dryRun: false));

        Assert.True(losses > 2, $"{losses} attempts");
        Assert.True(watch.Elapsed >= retry.Patience);
        Assert.Contains($"kept moving: {losses} pushes in", error.Message);
    }

    [Fact]
    public void Patience_lands_a_write_that_lost_more_races_than_its_attempts()
    {
        var (clone, rival) = (_remote.Clone(), _remote.Clone());
        Overtake(rival, "the branch");
        var losses = 0;
        var retry = new PushRetry(2, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1)) { Patience = TimeSpan.FromMinutes(1) };

        var result = Writer(clone, retry).Write("origin", Branch, "main", Overtaken(rival, () => ++losses <= 5), dryRun: false);

        Assert.Equal(BranchWriteOutcome.Committed, result.Outcome);
        Assert.Equal(6, result.Attempts);
        Assert.Equal("mine\n", _remote.Show(Branch, "mine.txt"));
        // The first rival commit, the five that overtook this write, and its own: nothing lost on either side.
        Assert.Equal("7", GitRemote.Git(_remote.Bare, "rev-list", "--count", $"main..{Branch}").Trim());
    }

    // Another pipeline's push lands on the branch between this write's read of it and its push, while overtake() says so.
    private static Func<BranchSnapshot, BranchChange> Overtaken(string rival, Func<bool> overtake) => snapshot =>
    {
        if (overtake())
        {
            Overtake(rival, "a rival write");
        }

        return new BranchChange("mine", [new FileEdit("mine.txt", "mine\n")]);
    };

    private static void Overtake(string rival, string message)
    {
        GitRemote.Git(rival, "fetch", "--quiet", "origin");
        var tip = GitRemote.Git(rival, "rev-parse", GitRemote.Git(rival, "ls-remote", "origin", $"refs/heads/{Branch}").Length > 0 ? $"origin/{Branch}" : "origin/main").Trim();
        var commit = GitRemote.Git(rival, "commit-tree", $"{tip}^{{tree}}", "-p", tip, "-m", message).Trim();
        GitRemote.Git(rival, "push", "--quiet", "origin", $"{commit}:refs/heads/{Branch}");
    }

    private static BranchWriter Writer(string clone, PushRetry? retry = null)
    {
        var context = TestCake.Context();
        return new BranchWriter(new GitRepository(context, new Cake.Core.IO.DirectoryPath(clone)), context.Log, retry ?? new PushRetry(60, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(500)));
    }

    private static Func<BranchSnapshot, BranchChange> Set(string path, string text) =>
        _ => new BranchChange($"set {text.Trim()}", [new FileEdit(path, text)]);

    private static Func<BranchSnapshot, BranchChange> Append(string path, string line) =>
        snapshot => new BranchChange($"add {line}", [new FileEdit(path, (snapshot.ReadText(path) ?? "") + line + "\n")]);
}
