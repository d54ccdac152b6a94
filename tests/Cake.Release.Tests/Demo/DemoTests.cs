using System.Text.Json;
using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Demo;

/// <summary>
/// <c>./build.sh --target=Demo</c>, the README's first command, run once: it packs Cake.Release, runs the whole flow on a
/// copy of examples/monorepo through the example's own build.sh, and leaves this state on the demo's origin and
/// registry: dev runs all four services (blue rebuilt after its fix, then reconfigured to two replicas), staging the
/// release candidates of blue and green, production blue 0.1.0 again after 0.1.1 was rolled back and then 0.1.2 with
/// the new configuration, each environment's branch rendering what runs, and blue's chart released as 0.2.0 on main.
/// </summary>
public sealed class DemoTests(DemoRun demo) : IClassFixture<DemoRun>
{
    private const string Dev = "gitops/dev-auto-update";
    private const string Staging = "gitops/staging-releases";
    private const string Production = "gitops/production-releases";

    private string First => GitRemote.Git(demo.Origin, "rev-list", "--max-parents=0", "main").Trim();

    private string Fix => GitRemote.Git(demo.Origin, "log", "--format=%H", "--fixed-strings", "--grep=fix(blue): show prices", "main").Trim();

    private string Replicas => GitRemote.Git(demo.Origin, "log", "--format=%H", "--fixed-strings", "--grep=fix(blue): run two replicas", "main").Trim();

    [Fact]
    public void The_demo_runs_every_step_through_the_examples_own_build_script()
    {
        Assert.True(demo.Result.ExitCode == 0, demo.Result.ToString());
        foreach (var step in new[]
                 {
                     "$ ./build.sh --target=DeployDev --by=ci-bot",
                     "$ ./build.sh --target=PromoteStaging --service=green --by=carol",
                     "$ ./build.sh --target=PromoteProduction --service=blue --by=carol --approver=alice --approver=bob",
                     "$ ./build.sh --target=Rollback --env=production --service=blue --by=carol",
                     "$ ./build.sh --target=ReleaseChart --service=blue",
                 })
        {
            Assert.Contains(step, demo.Result.Output);
        }

        Assert.Contains("━━━ 10. What runs where", demo.Result.Output);
        Assert.Contains("━━━ 11. One record across repositories", demo.Result.Output);
        Assert.Contains("━━━ 12. How delivery went", demo.Result.Output);
        Assert.Contains("blue runs two replicas in dev, staging and production; green kept one replica everywhere.", demo.Result.Output);
        Assert.Contains("[pass] approvals: approved by alice, bob (2 of 2 needed; names given with --approver, unverified)", demo.Result.Output);
    }

    [Fact]
    public void The_second_DeployDev_rebuilds_blue_alone_and_dev_runs_every_service()
    {
        Assert.Contains("Unchanged: green, yellow, red", demo.Result.Output);
        Assert.Contains("Only blue was rebuilt.", demo.Result.Output);

        var dev = demo.Manifest("dev", Dev);
        Assert.Equal(new[] { "blue", "green", "red", "yellow" }, dev.Services.Keys.Order(StringComparer.Ordinal));
        foreach (var service in new[] { "green", "yellow", "red" })
        {
            var entry = dev.Entry(service)!;
            Assert.Equal(($"sha-{First[..7]}", First), (entry.Version, entry.Commit));
            Assert.Equal(demo.TagDigest(service, $"sha-{First[..7]}"), entry.Digest);
            Assert.Equal(entry.Digest, demo.TagDigest(service, "dev"));
        }

        // The replicas change was deployed with the image of the fix: a new revision, no new build.
        var blue = dev.Entry("blue")!;
        Assert.Equal(($"sha-{Fix[..7]}", Fix, Replicas), (blue.Version, blue.Commit, blue.Config));
        Assert.Contains("configuration: k8s/base/blue.yaml (modified)", demo.Result.Output);
        Assert.Contains("BuildOnce: no service changed", demo.Result.Output);
        Assert.Equal(demo.TagDigest("blue", $"sha-{Fix[..7]}"), blue.Digest);
        Assert.NotEqual(demo.TagDigest("blue", $"sha-{First[..7]}"), blue.Digest);
    }

    [Fact]
    public void Staging_runs_the_release_candidates_of_blue_and_green_with_the_digests_dev_built()
    {
        var dev = demo.Manifest("dev", Dev);
        var staging = demo.Manifest("staging", Staging);

        Assert.Equal(new[] { "blue", "green" }, staging.Services.Keys.Order(StringComparer.Ordinal));
        var blue = staging.Entry("blue")!;
        Assert.Equal(("0.1.2-rc.1", dev.Entry("blue")!.Digest, Fix, Replicas, "dev"), (blue.Version, blue.Digest, blue.Commit, blue.Config, blue.From));
        var green = staging.Entry("green")!;
        Assert.Equal(("0.1.0-rc.1", dev.Entry("green")!.Digest, First, "dev"), (green.Version, green.Digest, green.Commit, green.From));

        Assert.Equal(blue.Digest, demo.TagDigest("blue", "0.1.1-rc.1"));
        Assert.Equal(blue.Digest, demo.TagDigest("blue", "0.1.2-rc.1"));
        Assert.Equal(blue.Digest, demo.TagDigest("blue", "stg"));
        Assert.Equal(green.Digest, demo.TagDigest("green", "0.1.0-rc.1"));
        Assert.Equal(green.Digest, demo.TagDigest("green", "stg"));
    }

    [Fact]
    public void Production_ran_blue_0_1_0_again_after_the_rollback_of_0_1_1_and_then_0_1_2_with_the_new_configuration()
    {
        var production = demo.Manifest("production", Production);

        var blue = Assert.Single(production.Services).Value;
        var first = demo.TagDigest("blue", "0.1.0-rc.1");
        var fixedDigest = demo.TagDigest("blue", "0.1.1");
        Assert.Equal(("0.1.2", fixedDigest, Fix, Replicas), (blue.Version, blue.Digest, blue.Commit, blue.Config));
        Assert.Equal(fixedDigest, demo.TagDigest("blue", "prd"));

        // 0.1.1 was released (the fix's digest, as staging ran it), undone, and its image came back as 0.1.2.
        Assert.Equal(demo.TagDigest("blue", "0.1.1-rc.1"), fixedDigest);
        Assert.NotEqual(first, fixedDigest);
        var history = GitRemote.Git(demo.Origin, "log", "--format=%s", Production, "--", "release-manifests/production.yaml");
        Assert.Equal(new[] { "promote(blue): 0.1.2 staging → production", "rollback(blue): 0.1.0 → production", "promote(blue): 0.1.1 staging → production", "promote(blue): 0.1.0 staging → production" },
            history.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var approvals = GitRemote.Git(demo.Origin, "log", "-1", "--format=%B", "--grep=promote(blue): 0.1.1", "--fixed-strings", Production);
        Assert.Contains("Approved-by: alice", approvals);
        Assert.Contains("Approved-by: bob", approvals);
        Assert.Contains("Promoted-by: carol", approvals);
        Assert.Contains($"Config-Commit: {Replicas}", GitRemote.Git(demo.Origin, "log", "-1", "--format=%B", Production));

        // What production's branch renders followed every step: the rollback put 0.1.0's digest and one replica back.
        var rollback = GitRemote.Git(demo.Origin, "log", "-1", "--format=%H", "--fixed-strings", "--grep=rollback(blue)", Production).Trim();
        var rolledBack = demo.Show(rollback, "rendered/production/blue/deployment-blue.yaml");
        Assert.Contains($"image: blue@{first}", rolledBack);
        Assert.Contains("replicas: 1", rolledBack);
        var now = demo.Show(Production, "rendered/production/blue/deployment-blue.yaml");
        Assert.Contains($"image: blue@{fixedDigest}", now);
        Assert.Contains("replicas: 2", now);
        Assert.Contains("namespace: shop-production", now);
    }

    [Fact]
    public void Blues_chart_is_released_on_main_with_its_version_bumped_a_changelog_section_and_a_tag()
    {
        var chart = demo.Show("main", "helm/charts/blue/Chart.yaml");
        Assert.Contains("version: 0.2.0", chart);
        Assert.Contains("appVersion: \"0.2.0\"", chart);

        var changelog = demo.Show("main", "helm/charts/blue/CHANGELOG.md");
        Assert.Contains("## [0.2.0] - ", changelog);
        Assert.Contains("run two replicas", changelog);

        Assert.Equal("chore(release): blue 0.2.0", GitRemote.Git(demo.Origin, "log", "-1", "--format=%s", "main").Trim());
        Assert.Equal(GitRemote.Git(demo.Origin, "rev-parse", "main"), GitRemote.Git(demo.Origin, "rev-parse", "blue/chart-0.2.0^{commit}"));

        // The other charts were not touched.
        Assert.Contains("version: 0.1.0", demo.Show("main", "helm/charts/green/Chart.yaml"));
    }

    [Fact]
    public void The_final_Status_names_what_every_environment_runs_and_where_its_configuration_comes_from()
    {
        Assert.True(demo.Result.ExitCode == 0, demo.Result.ToString());
        using var status = JsonDocument.Parse(File.ReadAllText(Path.Combine(demo.Repository, "artifacts", "status.json")));
        var fragments = status.RootElement.EnumerateArray()
            .ToDictionary(f => (f.GetProperty("environment").GetString()!, f.GetProperty("component").GetString()!));

        // Every entry of every manifest, and nothing else, with its version, digest and commit.
        var manifests = new[] { ("dev", Dev), ("staging", Staging), ("production", Production) }
            .SelectMany(e => demo.Manifest(e.Item1, e.Item2).Services.Select(s => (Environment: e.Item1, Service: s.Key, Entry: s.Value)))
            .ToList();
        Assert.Equal(manifests.Select(m => (m.Environment, m.Service)).Order(), fragments.Keys.Order());
        foreach (var (environment, service, entry) in manifests)
        {
            var fragment = fragments[(environment, service)];
            Assert.Equal((entry.Version, entry.Digest, entry.Commit),
                (fragment.GetProperty("version").GetString()!, fragment.GetProperty("digest").GetString(), fragment.GetProperty("commit").GetString()));
        }

        string[] Drift(string environment, string service) =>
            fragments[(environment, service)].GetProperty("drift").EnumerateArray().Select(d => d.GetString()!).ToArray();
        Assert.Empty(Drift("production", "blue"));   // 0.1.2: staging's image and configuration
        Assert.Empty(Drift("staging", "blue"));
        Assert.False(fragments.ContainsKey(("production", "green")));
        Assert.Equal(Replicas, fragments[("production", "blue")].GetProperty("config").GetString());
        Assert.Empty(Drift("dev", "yellow"));

        // And the page to keep as a CI artifact, naming the same releases.
        var page = File.ReadAllText(Path.Combine(demo.Repository, "artifacts", "status.html"));
        Assert.Contains("0.1.2-rc.1", page);
        Assert.Contains(fragments[("production", "blue")].GetProperty("digest").GetString()!["sha256:".Length..][..12], page);

        // The table is in the demo's log.
        Assert.Matches(@"blue\s.*0\.1\.2-rc\.1 [0-9a-f]{12} config [0-9a-f]{7}.*0\.1\.2 ", demo.Result.Output);
    }

    [Fact]
    public void With_node_on_the_path_the_history_is_published_to_dynalite_and_read_back_across_repositories()
    {
        Assert.True(demo.Result.ExitCode == 0, demo.Result.ToString());
        var output = demo.Result.Output;
        var step = output[output.IndexOf("━━━ 11. ", StringComparison.Ordinal)..output.IndexOf("━━━ 12. ", StringComparison.Ordinal)];
        Assert.Contains("dynalite (a DynamoDB-compatible server) listens on 127.0.0.1:", step);
        Assert.Contains("$ ./build.sh --target=PublishRelease --config=release.record.yaml", step);
        var status = step[step.IndexOf("$ ./build.sh --target=Status --source=dynamodb", StringComparison.Ordinal)..];
        // The matrix comes from the table: the repository the demo named, blue at the version production runs.
        Assert.Contains("example.com/acme/shop", status);
        Assert.Matches(@"blue\s.*0\.1\.2 ", status);
        Assert.False(File.Exists(Path.Combine(demo.Repository, "release.record.yaml")), "the demo's copy of release.yaml with publish: is removed");
    }

    [Fact]
    public void The_story_ends_with_the_delivery_metrics_in_which_the_rollback_fails_one_of_blues_three_production_deployments()
    {
        Assert.True(demo.Result.ExitCode == 0, demo.Result.ToString());
        var output = demo.Result.Output;
        var table = output.LastIndexOf("$ ./build.sh --target=Metrics", StringComparison.Ordinal);
        Assert.True(table > output.LastIndexOf("━━━ ", StringComparison.Ordinal), "the Metrics table is the last step's");
        var log = output[table..];

        // blue in production: 0.1.0, 0.1.1 (rolled back: the failure), 0.1.2; the rollback itself is not a deployment.
        Assert.Matches(@"production +blue +3 +\S+ +\S+ +\S+ +33\.3% \(1/3\) +\S+", log);
        // green and blue went to staging as release candidates, none rolled back.
        Assert.Matches(@"staging +green +1 +\S+ +\S+ +\S+ +0% \(0/1\) +-", log);
        Assert.Contains("production: 3 deployments", log);
        var page = File.ReadAllText(Path.Combine(demo.Repository, "artifacts", "metrics.html"));
        Assert.Contains("<svg id=\"deployments-chart\"", page);
        Assert.Contains("<svg id=\"lead-time-chart\"", page);
    }

    [Fact]
    public void Afterwards_the_demo_repository_runs_its_own_build_script_as_the_demo_suggests()
    {
        Assert.True(demo.Result.ExitCode == 0, demo.Result.ToString());
        var output = Path.Combine(demo.Directory, "status-again.json");

        // No variable from the demo carries over: the repository pins the package it was given.
        var run = ProcessRun.Start("bash", ["build.sh", "--target=Status", "--format=json", $"--output={output}"], demo.Repository,
            new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "", ["GITHUB_STEP_SUMMARY"] = "" }, timeout: TimeSpan.FromMinutes(5));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(File.ReadAllText(Path.Combine(demo.Repository, "artifacts", "status.json")), File.ReadAllText(output));
    }

    [Fact]
    public void Its_build_ps1_starts_the_built_pipeline_rebuilds_after_a_change_under_build_and_answers_as_build_sh_does()
    {
        Assert.True(demo.Result.ExitCode == 0, demo.Result.ToString());
        var environment = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "", ["GITHUB_STEP_SUMMARY"] = "" };
        var script = Path.Combine(demo.Repository, "build.ps1");
        var stamp = Path.Combine(demo.Repository, "artifacts", "pipeline", ".pipeline-built");
        var log = Path.Combine(demo.Repository, "artifacts", "pipeline-build.log");
        var built = (File.GetLastWriteTimeUtc(stamp), File.GetLastWriteTimeUtc(log));

        // Warm (the demo built the pipeline through build.sh): it runs as is, and a path with a space, '=' and ':' arrives whole.
        var ps1Output = Path.Combine(demo.Directory, "status ps1=json:1.json");
        var warm = Pwsh.File(script, ["--target=Status", "--format=json", $"--output={ps1Output}"], environment);
        Assert.True(warm.ExitCode == 0, warm.ToString());
        Assert.Equal(built, (File.GetLastWriteTimeUtc(stamp), File.GetLastWriteTimeUtc(log)));

        var shOutput = Path.Combine(demo.Directory, "status sh=json.json");
        var sh = ProcessRun.Start("bash", ["build.sh", "--target=Status", "--format=json", $"--output={shOutput}"], demo.Repository, environment, TimeSpan.FromMinutes(5));
        Assert.True(sh.ExitCode == 0, sh.ToString());
        Assert.Equal(File.ReadAllText(shOutput), File.ReadAllText(ps1Output));

        // A change under build/ rebuilds it; a failing target fails with the pipeline's exit code and message.
        File.SetLastWriteTimeUtc(Path.Combine(demo.Repository, "build", "Build.csproj"), DateTime.UtcNow);
        string[] failing = ["--target=Status", "--config=no such.yaml"];
        var failed = Pwsh.File(script, failing, environment);
        Assert.True(File.GetLastWriteTimeUtc(stamp) > built.Item1, failed.ToString());
        var shFailed = ProcessRun.Start("bash", ["build.sh", .. failing], demo.Repository, environment, TimeSpan.FromMinutes(5));
        Assert.NotEqual(0, shFailed.ExitCode);
        Assert.Equal(shFailed.ExitCode, failed.ExitCode);
        Assert.Equal(shFailed.ErrorLines, failed.ErrorLines);
        Assert.Contains("no such.yaml", shFailed.Error);
    }
}
