using System.Text.Json;
using Cake.Release.Building;
using Cake.Release.Changes;
using Cake.Release.GitOps;
using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Changes;

/// <summary>DetectChanged on real clones of the shop monorepo with a bare origin.</summary>
public sealed class DetectChangedTests : IDisposable
{
    private readonly GitRemote _remote = ShopMonorepo.Create();
    private readonly string _initial;

    public DetectChangedTests() => _initial = GitRemote.Git(_remote.Seed, "rev-parse", "HEAD").Trim();

    public void Dispose() => _remote.Dispose();

    [Fact]
    public void One_changed_service_is_the_only_one_listed()
    {
        var clone = _remote.Clone();
        var head = ShopMonorepo.Commit(clone, "feat(blue): v2", new Dictionary<string, string?> { ["projects/blue/app.txt"] = "blue v2\n" });

        var changes = Detect(clone, _initial);

        Assert.Equal((head, ChangeMode.Argument), (changes.Head, changes.Mode));
        var blue = Assert.Single(changes.Services);
        Assert.Equal(("blue", _initial, BaseSource.Argument), (blue.Name, blue.Base, blue.BaseSource));
        Assert.Equal("projects/blue/app.txt (modified)", Assert.Single(blue.Reasons).Describe());
        Assert.Equal(["green", "yellow", "red"], changes.Unchanged);
    }

    [Fact]
    public void The_library_marks_blue_and_green()
    {
        var clone = _remote.Clone();
        ShopMonorepo.Commit(clone, "fix(payments): rounding", new Dictionary<string, string?> { ["libs/payments/payments.txt"] = "payments v2\n" });

        var changes = Detect(clone, _initial);

        Assert.Equal(ShopMonorepo.PaymentUsers, changes.Names);
        Assert.All(changes.Services, s => Assert.Equal("depends on libs/payments: libs/payments/payments.txt (modified)", Assert.Single(s.Reasons).Describe()));
    }

    [Fact]
    public void A_service_dependency_marks_red_when_yellow_changes()
    {
        var clone = _remote.Clone();
        ShopMonorepo.Commit(clone, "feat(yellow): v2", new Dictionary<string, string?> { ["projects/yellow/app.txt"] = "yellow v2\n" });

        var changes = Detect(clone, _initial);

        Assert.Equal(["yellow", "red"], changes.Names);
        Assert.Equal(ChangeReason.OnService("yellow"), Assert.Single(changes.Service("red")!.Reasons));
    }

    [Fact]
    public void A_rename_across_services_marks_both()
    {
        var clone = _remote.Clone();
        GitRemote.Git(clone, "mv", "projects/blue/dist/blue.txt", "projects/green/dist/from-blue.txt");
        ShopMonorepo.Commit(clone, "refactor: move a file", new Dictionary<string, string?>());

        var changes = Detect(clone, _initial);

        Assert.Equal(["blue", "green"], changes.Names);
        var rename = new ChangedFile(FileChangeStatus.Renamed, "projects/green/dist/from-blue.txt", "projects/blue/dist/blue.txt");
        Assert.All(changes.Services, s => Assert.Equal([rename], Assert.Single(s.Reasons).Files));
    }

    [Fact]
    public void A_deletion_counts()
    {
        var clone = _remote.Clone();
        ShopMonorepo.Commit(clone, "chore(yellow): drop dist", new Dictionary<string, string?> { ["projects/yellow/dist/yellow.txt"] = null });

        var changes = Detect(clone, _initial);

        Assert.Equal(["yellow", "red"], changes.Names);
        Assert.Equal([new ChangedFile(FileChangeStatus.Deleted, "projects/yellow/dist/yellow.txt")], changes.Service("yellow")!.Reasons[0].Files);
    }

    [Fact]
    public void A_file_outside_every_service_marks_nothing_and_is_kept_in_changed_json()
    {
        var clone = _remote.Clone();
        ShopMonorepo.Commit(clone, "docs: typo", new Dictionary<string, string?> { ["docs/README.md"] = "shop docs, fixed\n" });

        var changes = Detect(clone, _initial);

        Assert.Empty(changes.Services);
        Assert.Equal(ShopMonorepo.Services, changes.Unchanged);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(clone, "artifacts", "changed.json")));
        Assert.Equal(changes.Head, json.RootElement.GetProperty("head").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("services").GetArrayLength());
        Assert.Equal("docs/README.md", json.RootElement.GetProperty("outside")[0].GetProperty("path").GetString());
    }

    [Fact]
    public void Changed_json_lists_each_service_with_base_and_reasons()
    {
        var clone = _remote.Clone();
        var head = ShopMonorepo.Commit(clone, "feat: yellow and blue", new Dictionary<string, string?>
        {
            ["projects/yellow/app.txt"] = "yellow v2\n",
            ["projects/blue/app.txt"] = "blue v2\n",
        });

        Detect(clone, _initial);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(clone, "artifacts", "changed.json")));
        Assert.Equal((head, "argument"), (json.RootElement.GetProperty("head").GetString(), json.RootElement.GetProperty("mode").GetString()));
        var services = json.RootElement.GetProperty("services").EnumerateArray().ToList();
        Assert.Equal(["blue", "yellow", "red"], services.Select(s => s.GetProperty("service").GetString()));
        Assert.All(services, s => Assert.Equal(_initial, s.GetProperty("base").GetString()));
        var red = services[2].GetProperty("reasons")[0];
        Assert.Equal(("depends-on-service", "yellow"), (red.GetProperty("kind").GetString(), red.GetProperty("dependsOn").GetString()));
    }

    [Fact]
    public void Each_service_is_compared_with_the_commit_dev_runs_one_diff_per_distinct_base()
    {
        var clone = _remote.Clone();
        var greenV2 = ShopMonorepo.Commit(clone, "feat(green): v2", new Dictionary<string, string?> { ["projects/green/app.txt"] = "green v2\n" });
        foreach (var service in ShopMonorepo.Services)
        {
            // Green was deployed after its change; the others still run the initial commit.
            DeployToDev(clone, service, service == "green" ? greenV2 : _initial);
        }

        var head = ShopMonorepo.Commit(clone, "feat(blue): v2", new Dictionary<string, string?> { ["projects/blue/app.txt"] = "blue v2\n" });
        var trace = Path.Combine(_remote.Folder, "trace.txt");

        var changes = Detect(clone, null, trace);

        var blue = Assert.Single(changes.Services);
        Assert.Equal(("blue", _initial, BaseSource.Manifest, ChangeMode.Manifest, head), (blue.Name, blue.Base, blue.BaseSource, changes.Mode, changes.Head));
        Assert.Equal(2, File.ReadLines(trace).Count(line => line.Contains("git diff --name-status", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_service_dev_does_not_run_yet_is_compared_with_the_merge_base_on_a_branch()
    {
        var clone = _remote.Clone();
        GitRemote.Git(clone, "checkout", "--quiet", "-b", "feature");
        File.WriteAllText(Path.Combine(clone, "projects", "green", "app.txt"), "green v2\n");
        GitRemote.Git(clone, "commit", "--quiet", "-am", "feat(green): v2");
        ShopMonorepo.Commit(_remote.Clone(), "feat(red): elsewhere on main", new Dictionary<string, string?> { ["projects/red/app.txt"] = "red v2\n" });

        var changes = Detect(clone, null);

        var green = Assert.Single(changes.Services);
        Assert.Equal(("green", _initial, BaseSource.MergeBase, ChangeMode.MergeBase), (green.Name, green.Base, green.BaseSource, changes.Mode));
    }

    [Fact]
    public void On_main_with_nothing_deployed_every_service_counts_and_says_why()
    {
        var clone = _remote.Clone();
        ShopMonorepo.Commit(clone, "feat(blue): v2", new Dictionary<string, string?> { ["projects/blue/app.txt"] = "blue v2\n" });

        var changes = Detect(clone, null);

        Assert.Equal(ChangeMode.Everything, changes.Mode);
        Assert.Equal(ShopMonorepo.Services, changes.Names);
        Assert.All(changes.Services, s => Assert.Contains("is on origin/main and dev records no deployment of it", Assert.Single(s.Reasons).Detail));
    }

    [Fact]
    public void The_first_commit_marks_every_service_and_says_so()
    {
        var changes = Detect(_remote.Clone(), null);

        Assert.Equal(ChangeMode.Everything, changes.Mode);
        Assert.Equal(ShopMonorepo.Services, changes.Names);
        Assert.All(changes.Services, s =>
        {
            Assert.Equal((null, BaseSource.None), (s.Base, s.BaseSource));
            Assert.Equal($"head {_initial[..7]} is the first commit: there is nothing to compare with", Assert.Single(s.Reasons).Describe());
        });
    }

    [Fact]
    public void A_base_lost_to_a_force_push_marks_every_service_and_says_so()
    {
        var writer = _remote.Clone();
        var lost = ShopMonorepo.Commit(writer, "feat(blue): v2", new Dictionary<string, string?> { ["projects/blue/app.txt"] = "blue v2\n" });
        GitRemote.Git(writer, "reset", "--quiet", "--hard", _initial);
        File.WriteAllText(Path.Combine(writer, "projects", "green", "app.txt"), "green v2\n");
        GitRemote.Git(writer, "commit", "--quiet", "-am", "feat(green): v2");
        GitRemote.Git(writer, "push", "--quiet", "--force", "origin", "HEAD:refs/heads/main");

        // Over file:// a clone gets only reachable objects, as from a hosted remote (a local-path clone copies them all).
        foreach (var clone in new[] { CloneOverUrl(), ShallowClone() })
        {
            var changes = Detect(clone, lost);

            Assert.Equal(ChangeMode.Everything, changes.Mode);
            Assert.Equal(ShopMonorepo.Services, changes.Names);
            Assert.All(changes.Services, s => Assert.Equal($"--base {lost[..7]} is not in the history (rewritten by a force push?): there is nothing to compare with", Assert.Single(s.Reasons).Detail));
        }
    }

    [Fact]
    public void A_shallow_clone_is_deepened_step_by_step_until_the_base_is_reachable()
    {
        var writer = _remote.Clone();
        for (var i = 0; i < 60; i++)
        {
            GitRemote.Git(writer, "commit", "--quiet", "--allow-empty", "-m", $"chore: step {i}");
        }

        ShopMonorepo.Commit(writer, "feat(blue): v2", new Dictionary<string, string?> { ["projects/blue/app.txt"] = "blue v2\n" });
        var shallow = ShallowClone();
        var trace = Path.Combine(_remote.Folder, "trace.txt");

        var changes = Detect(shallow, _initial, trace);

        Assert.Equal(["blue"], changes.Names);
        Assert.Equal(_initial, changes.Services[0].Base);
        var deepened = File.ReadLines(trace).Where(line => line.Contains("built-in: git fetch", StringComparison.Ordinal) && line.Contains("--deepen=", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, deepened.Count);
        Assert.Contains("--deepen=50", deepened[0]);
        Assert.Contains("--deepen=100", deepened[1]);
    }

    [Fact]
    public void A_shallow_clone_reaches_the_commit_dev_runs()
    {
        var writer = _remote.Clone();
        foreach (var service in ShopMonorepo.Services)
        {
            DeployToDev(writer, service, _initial);
        }

        for (var i = 0; i < 60; i++)
        {
            GitRemote.Git(writer, "commit", "--quiet", "--allow-empty", "-m", $"chore: step {i}");
        }

        ShopMonorepo.Commit(writer, "feat(green): v2", new Dictionary<string, string?> { ["projects/green/app.txt"] = "green v2\n" });

        var changes = Detect(ShallowClone(), null);

        var green = Assert.Single(changes.Services);
        Assert.Equal(("green", _initial, BaseSource.Manifest), (green.Name, green.Base, green.BaseSource));
    }

    [Fact]
    public void A_shallow_clone_that_cannot_be_deepened_names_the_ci_setting()
    {
        ShopMonorepo.Commit(_remote.Clone(), "feat(blue): v2", new Dictionary<string, string?> { ["projects/blue/app.txt"] = "blue v2\n" });
        var shallow = ShallowClone();
        GitRemote.Git(shallow, "remote", "set-url", "origin", Path.Combine(_remote.Folder, "gone.git"));

        var error = Assert.ThrowsAny<ReleaseException>(() => Detect(shallow, _initial));

        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains($"is a shallow clone without the base {_initial}", error.Message);
        Assert.Contains("fetch-depth: 0 on actions/checkout, GIT_DEPTH: 0 in GitLab CI", error.Message);
        Assert.False(File.Exists(Path.Combine(shallow, "artifacts", "changed.json")));
    }

    [Fact]
    public void A_base_that_names_nothing_is_refused_in_one_line()
    {
        var clone = _remote.Clone();

        var error = Assert.ThrowsAny<ReleaseException>(() => Detect(clone, "origin/mian"));

        Assert.Equal($"--base 'origin/mian' is not a commit, branch or tag in {clone}; pass one that exists (git fetch first for origin/main).", error.Message);
        Assert.False(File.Exists(Path.Combine(clone, "artifacts", "changed.json")));
    }

    [Fact]
    public void The_null_commit_of_a_first_push_marks_every_service()
    {
        var changes = Detect(_remote.Clone(), new string('0', 40));

        Assert.Equal(ChangeMode.Everything, changes.Mode);
        Assert.Equal(4, changes.Services.Count);
    }

    private ChangeSet Detect(string clone, string? baseRevision, string? trace = null)
    {
        var settings = new DetectChangedSettings { ConfigFile = Path.Combine(clone, "release.yaml"), Base = baseRevision };
        if (trace is not null)
        {
            settings.Git.EnvironmentVariables = new Dictionary<string, string> { ["GIT_TRACE"] = trace };
        }

        return TestCake.Context().DetectChanged(settings);
    }

    private static void DeployToDev(string clone, string service, string commit) =>
        TestCake.Context().WriteManifest(new UpdateManifestSettings
        {
            Environment = "dev",
            Service = service,
            Version = $"sha-{commit[..7]}",
            Commit = commit,
            Action = "deploy",
            ConfigFile = Path.Combine(clone, "release.yaml"),
        });

    private string ShallowClone()
    {
        var path = CloneOverUrl("--depth", "1");
        Assert.Equal("true", GitRemote.Git(path, "rev-parse", "--is-shallow-repository").Trim());
        return path;
    }

    private string CloneOverUrl(params string[] options)
    {
        var path = Path.Combine(_remote.Folder, $"url-clone-{Guid.NewGuid():N}");
        GitRemote.Git(_remote.Folder, ["clone", "--quiet", .. options, $"file://{_remote.Bare}", path]);
        return path;
    }
}
