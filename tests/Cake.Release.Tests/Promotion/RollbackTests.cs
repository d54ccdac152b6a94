using Cake.Release.GitOps;
using Cake.Release.Manifests;
using Cake.Release.Promotion;
using Cake.Release.Registry;
using Cake.Release.Tests.Infrastructure;
using Cake.Release.Tests.Registry;

namespace Cake.Release.Tests.Promotion;

/// <summary>
/// Rollback on a real monorepo (bare origin, production with a Kustomize overlay and Helm values) and the real
/// registry: production's history is seeded through UpdateManifest as promotions would write it.
/// </summary>
public sealed class RollbackTests : RegistryTestBase
{
    private const string Production = "gitops/production-releases";
    private const string ManifestPath = "release-manifests/production.yaml";

    private readonly GitRemote _remote = Monorepo.Create();
    private readonly string _clone;
    private readonly Dictionary<string, string> _digests = [];
    private readonly Dictionary<string, string> _commits = [];

    public RollbackTests()
    {
        _clone = _remote.Clone();
        var yaml = File.ReadAllText(Path.Combine(_clone, "release.yaml")).Replace("registry.example.com/acme", $"{Registry.Host}/acme", StringComparison.Ordinal);
        ShopMonorepo.Commit(_clone, "ci: the test registry", new Dictionary<string, string?> { ["release.yaml"] = yaml });

        // Each release built from its own commit, pushed under its version, then promoted into production in turn.
        Release("blue", "1.5.0");
        Release("blue", "1.6.0");
        Release("green", "1.6.0");
        Release("blue", "1.6.1");
    }

    public override void Dispose()
    {
        _remote.Dispose();
        base.Dispose();
    }

    private string ConfigFile => Path.Combine(_clone, "release.yaml");

    private void Release(string service, string version)
    {
        var key = $"{service}:{version}";
        _commits[key] = ShopMonorepo.Commit(_clone, $"feat({service}): {version}", new Dictionary<string, string?> { [$"projects/{service}/app.txt"] = $"{key}\n" });
        using (var store = Open())
        {
            _digests[key] = FixtureImages.PushImageAsync(store, $"acme/{service}", version, "amd64", 40 + _digests.Count).GetAwaiter().GetResult().Digest;
        }

        var retag = new RetagServiceSettings { Service = service, FromTag = version, ConfigFile = ConfigFile, DryRun = false, Registry = Quick() };
        retag.Tags.Add("prd");
        TestCake.Context().RetagService(retag);
        TestCake.Context().WriteManifest(new UpdateManifestSettings
        {
            Environment = "production",
            Service = service,
            Version = version,
            Digest = _digests[key],
            Commit = _commits[key],
            From = "staging",
            By = "release-bot",
            ConfigFile = ConfigFile,
        });
    }

    private (RollbackResult Result, RecordingLog Log) Rollback(string service = "blue", string? version = null, bool dryRun = false)
    {
        var (context, log) = CakeContexts.Create();
        var result = context.Rollback(new RollbackSettings
        {
            Environment = "production",
            Service = service,
            Version = version,
            By = "oncall",
            ConfigFile = ConfigFile,
            DryRun = dryRun,
            Registry = Quick(1),
        });
        return (result, log);
    }

    private EnvironmentManifest Manifest(string revision = Production) => EnvironmentManifest.Parse(_remote.Show(revision, ManifestPath), ManifestPath);

    private string Tip => GitRemote.Git(_remote.Bare, "rev-parse", Production).Trim();

    private string EnvironmentTag(string service) => Skopeo.DigestOf(Docker($"acme/{service}:prd"));

    private string RemoteRefs => GitRemote.Git(_remote.Bare, "for-each-ref", "--format=%(refname) %(objectname)");

    [Fact]
    public void Returns_the_service_to_its_previous_release_with_its_original_digest_and_commit_and_nothing_else_changes()
    {
        var before = Manifest();
        var tipBefore = Tip;

        var (result, _) = Rollback();

        Assert.Equal((RollbackOutcome.RolledBack, "1.6.1", "1.6.0"), (result.Outcome, result.FromVersion, result.Version));
        var blue = Manifest().Entry("blue")!;
        Assert.Equal(("1.6.0", _digests["blue:1.6.0"], _commits["blue:1.6.0"], "oncall", (string?)null), (blue.Version, blue.Digest, blue.Commit, blue.By, blue.From));
        Assert.Equal(before.Entry("green"), Manifest().Entry("green"));

        Assert.Equal("rollback(blue): 1.6.0 → production", GitRemote.Git(_remote.Bare, "log", "-1", "--format=%s", Production).Trim());
        Assert.Equal(
            $"Service: blue\nVersion: 1.6.0\nDigest: {_digests["blue:1.6.0"]}\nPromoted-by: oncall\nSource-Commit: {_commits["blue:1.6.0"]}",
            GitRemote.Git(_remote.Bare, "log", "-1", "--format=%(trailers:only,unfold)", Production).Trim());
        Assert.Equal(tipBefore, GitRemote.Git(_remote.Bare, "rev-parse", $"{Production}^").Trim());

        // The overlay and the values change only in blue's lines: green's image and every other line stay.
        var diff = GitRemote.Git(_remote.Bare, "diff", "--unified=0", $"{Production}^", Production, "--", "k8s", "helm").Split('\n')
            .Where(line => line.Length > 1 && line[0] is '+' or '-' && !line.StartsWith("+++", StringComparison.Ordinal) && !line.StartsWith("---", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(
            ["-    tag: \"1.6.1\"", "+    tag: \"1.6.0\"", "-    newTag: 1.6.1", $"-    digest: {_digests["blue:1.6.1"]}", "+    newTag: 1.6.0", $"+    digest: {_digests["blue:1.6.0"]}"],
            diff);

        Assert.Equal(_digests["blue:1.6.0"], EnvironmentTag("blue"));
        Assert.Equal(_digests["green:1.6.0"], EnvironmentTag("green"));
    }

    [Fact]
    public void A_given_version_that_ran_there_is_rolled_back_to()
    {
        var (result, _) = Rollback(version: "1.5.0");

        Assert.Equal(RollbackOutcome.RolledBack, result.Outcome);
        Assert.Equal(("1.5.0", _digests["blue:1.5.0"]), (Manifest().Entry("blue")!.Version, Manifest().Entry("blue")!.Digest));
        Assert.Equal("rollback(blue): 1.5.0 → production", GitRemote.Git(_remote.Bare, "log", "-1", "--format=%s", Production).Trim());
        Assert.Equal(_digests["blue:1.5.0"], EnvironmentTag("blue"));
    }

    [Theory]
    [InlineData("blue", "1.4.0", "blue 1.4.0 never ran in production (ran: 1.5.0, 1.6.0, 1.6.1, per origin/gitops/production-releases:release-manifests/production.yaml); pass one of those to --version.")]
    [InlineData("green", null, "green 1.6.0 is the only release of green that ran in production (per origin/gitops/production-releases:release-manifests/production.yaml); nothing to roll back to: promote a fixed version instead.")]
    public void Bad_input_is_refused_in_one_line_and_changes_nothing(string service, string? version, string message)
    {
        var refs = RemoteRefs;
        var local = GitRemote.LocalState(_clone);

        var error = Assert.Throws<ReleaseException>(() => Rollback(service, version));

        Assert.Equal(message, error.Message);
        Assert.Equal(refs, RemoteRefs);
        Assert.Equal(local, GitRemote.LocalState(_clone));
        Assert.Equal(_digests["blue:1.6.1"], EnvironmentTag("blue"));
    }

    [Fact]
    public void Rolling_back_to_what_already_runs_says_so_and_changes_nothing()
    {
        Rollback();
        var refs = RemoteRefs;

        var (again, log) = Rollback(version: "1.6.0");

        Assert.Equal(RollbackOutcome.AlreadyRunning, again.Outcome);
        Assert.Null(again.Manifest);
        Assert.Contains(log.Lines, line => line.StartsWith("blue 1.6.0 already runs in production", StringComparison.Ordinal));
        Assert.Equal(refs, RemoteRefs);
    }

    [Fact]
    public void A_retried_rollback_reads_the_first_from_history_and_changes_nothing()
    {
        Rollback();
        var refs = RemoteRefs;

        var (retry, log) = Rollback();

        Assert.Equal((RollbackOutcome.AlreadyRunning, "1.6.0"), (retry.Outcome, retry.Version));
        Assert.Contains(log.Lines, line => line.Contains("to go further back pass --version, one of 1.5.0, 1.6.0, 1.6.1", StringComparison.Ordinal));
        Assert.Equal(refs, RemoteRefs);
    }

    [Fact]
    public void Going_further_back_after_a_rollback_takes_the_version()
    {
        Rollback();

        var (second, _) = Rollback(version: "1.5.0");

        Assert.Equal(("1.6.0", "1.5.0"), (second.FromVersion, second.Version));
        Assert.Equal(_digests["blue:1.5.0"], Manifest().Entry("blue")!.Digest);
    }

    [Fact]
    public void A_dry_run_shows_the_tag_move_and_the_manifest_diff_and_changes_nothing()
    {
        var refs = RemoteRefs;
        var local = GitRemote.LocalState(_clone);

        var (result, log) = Rollback(dryRun: true);

        Assert.Equal(RollbackOutcome.Planned, result.Outcome);
        Assert.Contains(log.Lines, line => line.Contains($"acme/blue:prd would move from {_digests["blue:1.6.1"]} to {_digests["blue:1.6.0"]}", StringComparison.Ordinal));
        Assert.Contains(log.Lines, line => line.Contains("rollback(blue): 1.6.0 → production", StringComparison.Ordinal));
        Assert.Contains(log.Lines, line => line.Contains("-    version: \"1.6.1\"", StringComparison.Ordinal) && line.Contains("+    version: \"1.6.0\"", StringComparison.Ordinal));
        Assert.Equal(refs, RemoteRefs);
        Assert.Equal(local, GitRemote.LocalState(_clone));
        Assert.Equal(_digests["blue:1.6.1"], EnvironmentTag("blue"));
    }

    [Fact]
    public void The_registry_moves_first_so_a_run_that_failed_there_left_the_manifest_alone_and_a_re_run_completes()
    {
        var tip = Tip;
        Registry.Stop();

        Assert.ThrowsAny<Exception>(() => Rollback());
        Assert.Equal(tip, Tip);

        Registry.Run();
        var (result, _) = Rollback();

        Assert.Equal(("1.6.1", "1.6.0"), (result.FromVersion, result.Version));
        Assert.Equal(_digests["blue:1.6.0"], EnvironmentTag("blue"));
        Assert.Equal("1.6.0", Manifest().Entry("blue")!.Version);
    }

    [Fact]
    public void The_task_rolls_back_and_refuses_in_one_line()
    {
        var environment = new Dictionary<string, string> { ["DOCKER_CONFIG"] = _remote.Folder };
        var refused = ReleasePipeline.RunIn(_clone, environment, "--target=Rollback", "--env=production", "--service=blue", "--version=2.0.0");
        refused.AssertRefused("blue 2.0.0 never ran in production");

        var done = ReleasePipeline.RunIn(_clone, environment, "--target=Rollback", "--env=production", "--service=blue");

        Assert.True(done.ExitCode == 0, done.ToString());
        Assert.Contains("rollback(blue): 1.6.0 → production: pushed", done.Output);
        Assert.Equal("1.6.0", Manifest().Entry("blue")!.Version);
    }
}
