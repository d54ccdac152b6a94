using System.Text;
using Cake.Release.GitOps;
using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.GitOps;

/// <summary>
/// A GitOps write's commit is built by one git fast-import and its files read by one cat-file --batch; these hold
/// them to what the temporary index and ls-tree built and read before: the same commit, byte for byte.
/// </summary>
public sealed class FastImportCommitTests : IDisposable
{
    private const string Manifest = "release-manifests/staging.yaml";
    private static readonly Dictionary<string, string> FixedDates = new()
    {
        ["GIT_AUTHOR_DATE"] = "1735689600 +0100",
        ["GIT_COMMITTER_DATE"] = "1735693200 -0500",
    };

    private readonly GitRemote _remote = new(new Dictionary<string, string>
    {
        [Manifest] = "environment: staging\nservices:\n  blue:\n    version: \"1.6.0\"\n  green:\n    version: \"2.0.1\"\n",
        ["k8s/overlays/staging/values.yaml"] = "image:\r\n  tag: old",
        ["k8s/overlays/staging/stale.yaml"] = "kind: ConfigMap\n",
        ["README.md"] = "monorepo\n",
    });

    public void Dispose() => _remote.Dispose();

    [Fact]
    public void Builds_the_same_commit_as_the_temporary_index_with_other_services_entries_edits_and_a_deletion()
    {
        var clone = _remote.Clone();
        var repository = new GitRepository(TestCake.Context(), new Cake.Core.IO.DirectoryPath(clone));
        var tip = GitRemote.Git(clone, "rev-parse", "HEAD").Trim();
        var changes = new List<(string Path, TreeFile? File)>
        {
            (Manifest, new TreeFile("100644", Encoding.UTF8.GetBytes(_remote.Show("main", Manifest) + "  red:\n    version: \"0.3.0\"\n"))),
            ("k8s/overlays/staging/values.yaml", new TreeFile("100755", "image:\r\n  tag: new"u8.ToArray())),
            ("k8s/overlays/staging/stale.yaml", null),
            ("rendered/staging/red.yaml", new TreeFile("100644", "kind: Deployment\n"u8.ToArray())),
        };
        const string message = "deploy(red): 0.3.0 → staging\n\nService: red\nVersion: 0.3.0\nPromoted-by: Pipeline\n";

        var imported = repository.Commit(tip, changes, message, FixedDates);
        var indexed = repository.CommitThroughIndex(tip, changes, message, FixedDates);

        Assert.Equal(indexed, imported);
        Assert.Equal(message, GitRemote.Git(clone, "cat-file", "commit", imported).Split("\n\n", 2)[1]);
        Assert.Equal("", GitRemote.Git(clone, "for-each-ref", "refs/cake-release/"));
    }

    [Fact]
    public void Builds_the_same_root_commit_as_the_temporary_index()
    {
        var clone = _remote.Clone();
        var repository = new GitRepository(TestCake.Context(), new Cake.Core.IO.DirectoryPath(clone));
        var changes = new List<(string Path, TreeFile? File)> { ("notes/a b.txt", new TreeFile("100644", "delivered\n"u8.ToArray())) };

        Assert.Equal(repository.CommitThroughIndex(null, changes, "Notified\n", FixedDates), repository.Commit(null, changes, "Notified\n", FixedDates));
    }

    [Fact]
    public async Task Two_writes_in_one_clone_at_the_same_moment_both_land_and_leave_no_scratch_ref()
    {
        var clone = _remote.Clone();
        using var together = new Barrier(2);
        // Threads of their own, so both writers are running when the barrier lets them go.
        var writes = Enumerable.Range(0, 2).Select(i => Task.Factory.StartNew(() =>
        {
            var context = TestCake.Context();
            var writer = new BranchWriter(new GitRepository(context, new Cake.Core.IO.DirectoryPath(clone)), context.Log, new PushRetry(60, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(500)));
            together.SignalAndWait();
            return writer.Write("origin", "gitops/staging", "main", _ => new BranchChange($"deploy service-{i}", [new FileEdit($"rendered/staging/service-{i}.yaml", "kind: Deployment\n")]), dryRun: false);
        }, TaskCreationOptions.LongRunning)).ToArray();

        var results = await Task.WhenAll(writes);

        Assert.All(results, result => Assert.Equal(BranchWriteOutcome.Committed, result.Outcome));
        Assert.Equal("kind: Deployment\n", _remote.Show("gitops/staging", "rendered/staging/service-0.yaml"));
        Assert.Equal("kind: Deployment\n", _remote.Show("gitops/staging", "rendered/staging/service-1.yaml"));
        Assert.Equal("2", GitRemote.Git(_remote.Bare, "rev-list", "--count", "main..gitops/staging").Trim());
        Assert.Equal("", GitRemote.Git(clone, "for-each-ref", "refs/cake-release/"));
    }

    [Fact]
    public void Each_commit_has_a_scratch_branch_of_its_own()
    {
        string Scratch() => Encoding.UTF8.GetString(FastImportCommit.Stream(null, [], "Notified\n", "a <a@b> 1 +0000", "a <a@b> 1 +0000"))
            .Split('\n').First(line => line.StartsWith("reset ", StringComparison.Ordinal));

        var (first, second) = (Scratch(), Scratch());

        Assert.StartsWith("reset refs/cake-release/fast-import/", first);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Reads_files_with_their_modes_and_exact_bytes_and_skips_folders_and_missing_paths()
    {
        var seed = _remote.Seed;
        GitRemote.Git(seed, "update-index", "--chmod=+x", "k8s/overlays/staging/values.yaml");
        GitRemote.Git(seed, "commit", "--quiet", "-m", "executable");
        var repository = new GitRepository(TestCake.Context(), new Cake.Core.IO.DirectoryPath(seed));

        var files = repository.ReadFiles("HEAD", ["k8s/overlays/staging/values.yaml", "README.md", "k8s/overlays", "missing.yaml", "k8s/missing/x.yaml"]);

        Assert.Equal(["README.md", "k8s/overlays/staging/values.yaml"], files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("100755", files["k8s/overlays/staging/values.yaml"].Mode);
        Assert.Equal("image:\r\n  tag: old"u8.ToArray(), files["k8s/overlays/staging/values.yaml"].Content);
        Assert.Equal("100644", files["README.md"].Mode);
    }

    [Fact]
    public void Reads_files_of_several_commits_in_one_read_each_from_its_own_commit()
    {
        var seed = _remote.Seed;
        var first = GitRemote.Git(seed, "rev-parse", "HEAD").Trim();
        File.WriteAllText(Path.Combine(seed, "README.md"), "monorepo, second\n");
        GitRemote.Git(seed, "commit", "--quiet", "-am", "second");
        var second = GitRemote.Git(seed, "rev-parse", "HEAD").Trim();
        var repository = new GitRepository(TestCake.Context(), new Cake.Core.IO.DirectoryPath(seed));

        var files = repository.ReadFiles([(first, "README.md"), (second, "README.md"), (second, Manifest), (first, "missing.yaml")]);

        Assert.Equal(3, files.Count);
        Assert.Equal("monorepo\n"u8.ToArray(), files[(first, "README.md")].Content);
        Assert.Equal("monorepo, second\n"u8.ToArray(), files[(second, "README.md")].Content);
        Assert.Equal(_remote.ShowBytes("main", Manifest), files[(second, Manifest)].Content);
        var error = Assert.Throws<ReleaseException>(() => repository.ReadFiles([(first, "README.md"), (new string('b', 40), "README.md")]));
        Assert.Contains(new string('b', 40), error.Message);
    }

    [Fact]
    public void Fetching_several_branches_brings_the_tips_the_clone_lacks_and_moves_no_ref()
    {
        var writer = _remote.Clone();
        foreach (var branch in new[] { "gitops/dev", "gitops/staging" })
        {
            GitRemote.Git(writer, "commit", "--quiet", "--allow-empty", "-m", branch);
            GitRemote.Git(writer, "push", "--quiet", "origin", $"HEAD:refs/heads/{branch}");
        }

        var clone = _remote.Clone();
        GitRemote.Git(writer, "commit", "--quiet", "--allow-empty", "-m", "later");
        GitRemote.Git(writer, "push", "--quiet", "origin", "HEAD:refs/heads/gitops/production");
        var repository = new GitRepository(TestCake.Context(), new Cake.Core.IO.DirectoryPath(clone));
        var tips = repository.RemoteBranches("origin", "gitops/dev", "gitops/staging", "gitops/production");
        var refsBefore = GitRemote.LocalState(clone);
        Assert.False(repository.HasCommit(tips["gitops/production"]));

        repository.FetchObjects("origin", tips);

        Assert.All(tips.Values, tip => Assert.True(repository.HasCommit(tip)));
        Assert.Equal(refsBefore, GitRemote.LocalState(clone));
    }

    [Fact]
    public void Reading_a_commit_the_clone_lacks_fails_naming_it()
    {
        var repository = new GitRepository(TestCake.Context(), new Cake.Core.IO.DirectoryPath(_remote.Seed));

        var error = Assert.Throws<ReleaseException>(() => repository.ReadFiles(new string('a', 40), [Manifest]));

        Assert.Contains($"list files of {new string('a', 40)}", error.Message);
    }
}
