using Cake.Release.Tests.Infrastructure;
using Cake.Release.Tests.Promotion;

namespace Cake.Release.Tests.Rendering;

/// <summary>
/// Rendered mode end to end through the pipeline process, on real git, the real registry and the real kubectl: each
/// service has its own overlays (deploy/&lt;service&gt;/overlays/&lt;env&gt;, a layout unlike the example's shared one),
/// DeployDev and the promotions commit what <c>kubectl kustomize</c> renders at the release's source commit, with the
/// image pinned by digest, beside the manifest entry.
/// </summary>
public sealed class RenderedModeTests : IDisposable
{
    private const string Render = """
        render:
          kustomize: deploy/{service}/overlays/{env}

        """;

    private readonly PromotionWorld _world = new(config => config.Replace("environments:\n", Render + "environments:\n", StringComparison.Ordinal));

    public RenderedModeTests()
    {
        var files = new Dictionary<string, string?>();
        foreach (var service in ShopMonorepo.Services)
        {
            files[$"deploy/{service}/base/kustomization.yaml"] = "resources:\n  - deployment.yaml\n  - service.yaml\n";
            files[$"deploy/{service}/base/deployment.yaml"] = Deployment(service, replicas: 1);
            files[$"deploy/{service}/base/service.yaml"] = $"apiVersion: v1\nkind: Service\nmetadata:\n  name: {service}\nspec:\n  selector:\n    app: {service}\n  ports:\n    - port: 80\n";
            foreach (var env in new[] { "dev", "staging", "production" })
            {
                files[$"deploy/{service}/overlays/{env}/kustomization.yaml"] = $"namespace: shop-{env}\nresources:\n  - ../../base\n";
            }
        }

        ShopMonorepo.Commit(_world.Clone, "chore: per-service overlays", files);
    }

    public void Dispose() => _world.Dispose();

    private string Head => GitRemote.Git(_world.Clone, "rev-parse", "HEAD").Trim();

    private static string Deployment(string service, int replicas) => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {service}
          labels:
            app: {service}
        spec:
          replicas: {replicas}
          selector:
            matchLabels:
              app: {service}
          template:
            metadata:
              labels:
                app: {service}
            spec:
              containers:
                - name: {service}
                  image: {service}:latest

        """;

    private ProcessResult Run(params string[] args)
    {
        var run = _world.Run(args);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run;
    }

    private string Rendered(string branch, string path) => _world.Remote.Show(branch, path);

    private string[] Files(string branch, string folder) =>
        GitRemote.Git(_world.Remote.Bare, "ls-tree", "-r", "--name-only", branch, "--", folder).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void DeployDev_commits_every_services_rendered_overlay_with_the_image_pinned_by_digest_beside_its_entry_in_one_commit()
    {
        var head = Head;

        Run("--target=DeployDev", "--by=ci-bot");

        // One commit for the run: every entry and every service's rendered files, and nothing else.
        var commit = GitRemote.Git(_world.Remote.Bare, "rev-parse", "gitops/dev-auto-update").Trim();
        var touched = GitRemote.Git(_world.Remote.Bare, "show", "--name-only", "--format=", commit).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            ShopMonorepo.Services.SelectMany(s => new[] { $"rendered/dev/{s}/deployment-{s}.yaml", $"rendered/dev/{s}/service-{s}.yaml" }).Append("release-manifests/dev.yaml").Order(StringComparer.Ordinal),
            touched.Order(StringComparer.Ordinal));
        Assert.Equal("1", GitRemote.Git(_world.Remote.Bare, "rev-list", "--count", "main..gitops/dev-auto-update").Trim());

        var dev = _world.Manifest("dev")!;
        foreach (var service in ShopMonorepo.Services)
        {
            var entry = dev.Entry(service)!;
            Assert.Equal(["rendered/dev/" + service + "/deployment-" + service + ".yaml", "rendered/dev/" + service + "/service-" + service + ".yaml"], Files("gitops/dev-auto-update", $"rendered/dev/{service}"));
            var deployment = Rendered("gitops/dev-auto-update", $"rendered/dev/{service}/deployment-{service}.yaml");
            Assert.Contains($"image: {_world.Registry.Host}/acme/{service}@{entry.Digest}", deployment, StringComparison.Ordinal);
            Assert.Contains("namespace: shop-dev", deployment, StringComparison.Ordinal);
            Assert.Equal(head, entry.Commit);
            Assert.Null(entry.Config);

            // The audit trail still reads per service: its trailer block is in the run's commit.
            Assert.Equal(commit, GitRemote.Git(_world.Remote.Bare, "log", "-1", "--format=%H", "--grep", $"^Service: {service}$", "gitops/dev-auto-update").Trim());
        }

        // The rendered file is what kubectl kustomize prints for the overlay with the image set by kustomize itself.
        var independent = ProcessRun.Start("kubectl", ["kustomize", "deploy/blue/overlays/dev"], _world.Clone);
        Assert.Equal(0, independent.ExitCode);
        var expected = independent.Output.Replace($"image: blue:latest", $"image: {_world.Registry.Host}/acme/blue@{dev.Entry("blue")!.Digest}", StringComparison.Ordinal);
        var rendered = Rendered("gitops/dev-auto-update", "rendered/dev/blue/service-blue.yaml") + "---\n" + Rendered("gitops/dev-auto-update", "rendered/dev/blue/deployment-blue.yaml");
        Assert.Equal(expected.Trim(), rendered.Trim());
    }

    [Fact]
    public void A_configuration_change_reaches_each_environment_only_with_its_services_promotion()
    {
        Run("--target=DeployDev", "--by=ci-bot");
        Run("--target=PromoteStaging", "--service=blue", "--by=carol");
        Run("--target=PromoteStaging", "--service=green", "--by=carol");
        var devBefore = _world.Manifest("dev")!;
        var built = devBefore.Entry("blue")!;

        var change = ShopMonorepo.Commit(_world.Clone, "fix(blue): two replicas", new Dictionary<string, string?> { ["deploy/blue/base/deployment.yaml"] = Deployment("blue", replicas: 2) });
        var deploy = Run("--target=DeployDev", "--by=ci-bot");

        // Dev: a new revision of blue with the image it ran and the new configuration; no build, green untouched.
        var dev = _world.Manifest("dev")!;
        var blue = dev.Entry("blue")!;
        Assert.Equal((built.Version, built.Digest, built.Commit, change), (blue.Version, blue.Digest, blue.Commit, blue.Config));
        Assert.Null(_world.TagDigest("blue", $"sha-{change[..7]}"));
        Assert.Contains("configuration: deploy/blue/base/deployment.yaml", deploy.Output, StringComparison.Ordinal);
        Assert.Equal(devBefore.Entry("green"), dev.Entry("green"));
        Assert.Contains("replicas: 2", Rendered("gitops/dev-auto-update", "rendered/dev/blue/deployment-blue.yaml"), StringComparison.Ordinal);
        Assert.Contains("replicas: 1", Rendered("gitops/dev-auto-update", "rendered/dev/green/deployment-green.yaml"), StringComparison.Ordinal);
        Assert.Contains("replicas: 1", Rendered("gitops/staging-releases", "rendered/staging/blue/deployment-blue.yaml"), StringComparison.Ordinal);

        // Dev now runs the change: the next DeployDev compares with it and finds nothing to do.
        var devTip = GitRemote.Git(_world.Remote.Bare, "rev-parse", "gitops/dev-auto-update").Trim();
        Assert.Contains("No service changed", Run("--target=DeployDev", "--by=ci-bot").Output, StringComparison.Ordinal);
        Assert.Equal(devTip, GitRemote.Git(_world.Remote.Bare, "rev-parse", "gitops/dev-auto-update").Trim());

        // Status names each cell's configuration commit and marks staging's blue, whose source runs a newer one.
        var status = Status();
        Assert.Equal((change, "config-behind"), (status[("dev", "blue")].Config, status[("staging", "blue")].Drift));
        Assert.Equal((built.Commit, ""), (status[("staging", "blue")].Config, status[("staging", "green")].Drift));

        // Staging: blue's promotion carries the change, with a new release tag at the configuration's commit.
        Run("--target=PromoteStaging", "--service=blue", "--by=carol");
        var staging = _world.Manifest("staging")!;
        Assert.Equal((built.Digest, change), (staging.Entry("blue")!.Digest, staging.Entry("blue")!.Config));
        Assert.Equal(change, _world.RemoteCommit($"refs/tags/blue/{staging.Entry("blue")!.Version}"));
        Assert.Contains("replicas: 2", Rendered("gitops/staging-releases", "rendered/staging/blue/deployment-blue.yaml"), StringComparison.Ordinal);
        Assert.Contains("replicas: 1", Rendered("gitops/staging-releases", "rendered/staging/green/deployment-green.yaml"), StringComparison.Ordinal);

        // A second run renders the same bytes: nothing to commit.
        var tip = GitRemote.Git(_world.Remote.Bare, "rev-parse", "gitops/staging-releases").Trim();
        var again = Run("--target=PromoteStaging", "--service=blue", "--by=carol");
        Assert.Equal(tip, GitRemote.Git(_world.Remote.Bare, "rev-parse", "gitops/staging-releases").Trim());
        Assert.Contains("already in staging", again.Output, StringComparison.Ordinal);
        Assert.Equal("", Status()[("staging", "blue")].Drift);
    }

    [Fact]
    public void A_hotfix_carries_the_configuration_of_its_release_line_not_mains()
    {
        Run("--target=DeployDev", "--by=ci-bot");
        Run("--target=PromoteStaging", "--service=blue", "--by=carol");
        Run("--target=PromoteProduction", "--service=blue", "--by=carol", "--approver=alice", "--approver=bob");
        ShopMonorepo.Commit(_world.Clone, "feat(blue): five replicas for the next release", new Dictionary<string, string?> { ["deploy/blue/base/deployment.yaml"] = Deployment("blue", replicas: 5) });
        var fix = ShopMonorepo.Commit(_world.Clone, "fix(blue): critical payment bug", new Dictionary<string, string?> { ["projects/blue/dist/fix.txt"] = "guarded\n" });

        var hotfix = Run("--target=Hotfix", "--service=blue", $"--commit={fix}");
        var version = System.Text.RegularExpressions.Regex.Match(hotfix.Output, "--target=PromoteStaging --service=blue --version=([0-9.]+)").Groups[1].Value;
        Run("--target=PromoteStaging", "--service=blue", $"--version={version}", "--by=carol");
        Run("--target=PromoteProduction", "--service=blue", "--by=carol", "--approver=alice", "--approver=bob");

        var production = _world.Manifest("production")!.Entry("blue")!;
        Assert.Equal(version, production.Version);
        var rendered = Rendered("gitops/production-releases", "rendered/production/blue/deployment-blue.yaml");
        Assert.Contains($"@{production.Digest}", rendered, StringComparison.Ordinal);
        Assert.Contains("replicas: 1", rendered, StringComparison.Ordinal);
    }

    // Each deployment of --format=json: its configuration commit and its drift marks, space-separated.
    private Dictionary<(string Environment, string Service), (string? Config, string Drift)> Status()
    {
        Run("--target=Status", "--format=json");
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(_world.Clone, "artifacts", "status.json")));
        return json.RootElement.EnumerateArray().ToDictionary(
            d => (d.GetProperty("environment").GetString()!, d.GetProperty("component").GetString()!),
            d => (d.TryGetProperty("config", out var config) ? config.GetString() : null, string.Join(' ', d.GetProperty("drift").EnumerateArray().Select(m => m.GetString()))));
    }

    [Fact]
    public void Rollback_restores_the_rendered_files_of_the_version_it_goes_back_to()
    {
        Run("--target=DeployDev", "--by=ci-bot");
        Run("--target=PromoteStaging", "--service=blue", "--by=carol");
        var first = Rendered("gitops/staging-releases", "rendered/staging/blue/deployment-blue.yaml");
        var firstVersion = _world.Manifest("staging")!.Entry("blue")!.Version;

        ShopMonorepo.Commit(_world.Clone, "feat(blue): a config map and three replicas", new Dictionary<string, string?>
        {
            ["deploy/blue/base/deployment.yaml"] = Deployment("blue", replicas: 3),
            ["deploy/blue/base/configmap.yaml"] = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: blue-settings\ndata:\n  mode: fast\n",
            ["deploy/blue/base/kustomization.yaml"] = "resources:\n  - deployment.yaml\n  - service.yaml\n  - configmap.yaml\n",
        });
        Run("--target=DeployDev", "--by=ci-bot");
        Run("--target=PromoteStaging", "--service=blue", "--by=carol");
        Assert.Contains("rendered/staging/blue/configmap-blue-settings.yaml", Files("gitops/staging-releases", "rendered/staging/blue"));

        Run("--target=Rollback", "--env=staging", "--service=blue", "--by=carol");

        Assert.Equal(firstVersion, _world.Manifest("staging")!.Entry("blue")!.Version);
        Assert.Equal(first, Rendered("gitops/staging-releases", "rendered/staging/blue/deployment-blue.yaml"));
        Assert.Equal(["rendered/staging/blue/deployment-blue.yaml", "rendered/staging/blue/service-blue.yaml"], Files("gitops/staging-releases", "rendered/staging/blue"));
    }
}
