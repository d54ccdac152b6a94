using Cake.Release.Config;
using Cake.Release.Init;
using Cake.Release.Tests.Infrastructure;
using Cake.Release.Tests.Yaml;

namespace Cake.Release.Tests.Init;

public sealed class InitTests
{
    private const string Chart = "apiVersion: v2\nname: {0}\nversion: 0.1.0\n";
    private const string Overlay = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [../../base]\n";

    [Fact]
    public void Init_names_the_services_charts_and_environments_the_repository_holds_and_the_file_loads()
    {
        using var remote = new GitRemote(new Dictionary<string, string>
        {
            [".gitignore"] = "generated/\n",
            ["projects/blue/Dockerfile"] = "FROM scratch\n",
            ["projects/green/Dockerfile"] = "FROM scratch\n",
            ["projects/green/Dockerfile.debug"] = "FROM scratch\n",
            ["services/orders/api/api.Dockerfile"] = "FROM scratch\n",
            ["services/billing/api/Dockerfile"] = "FROM scratch\n",
            ["libs/shared/lib.txt"] = "shared\n",
            ["helm/charts/blue/Chart.yaml"] = string.Format(Chart, "blue"),
            ["helm/charts/blue/charts/redis/Chart.yaml"] = string.Format(Chart, "redis"),
            ["deploy/green-app/Chart.yaml"] = string.Format(Chart, "green"),
            ["helm/charts/monitoring/Chart.yaml"] = string.Format(Chart, "monitoring"),
            ["k8s/base/kustomization.yaml"] = "resources: []\n",
            ["k8s/overlays/production/kustomization.yaml"] = Overlay,
            ["k8s/overlays/dev/kustomization.yaml"] = Overlay,
            ["k8s/overlays/staging/kustomization.yaml"] = Overlay,
            ["k8s/overlays/qa/kustomization.yaml"] = Overlay,
            // Never services: dependencies, build output, tooling folders.
            ["web/node_modules/some-package/Dockerfile"] = "FROM scratch\n",
            ["projects/blue/bin/Dockerfile"] = "FROM scratch\n",
            [".devcontainer/Dockerfile"] = "FROM scratch\n",
        });
        var repository = remote.Seed;
        Write(repository, "generated/tool/Dockerfile", "FROM scratch\n"); // ignored by git

        var (result, config) = InitRun.WriteAndLoad(repository);

        Assert.Equal(["blue", "green", "billing-api", "orders-api"], config.Services.Select(s => s.Name));
        Assert.Equal(["projects/blue", "projects/green", "services/billing/api", "services/orders/api"], config.Services.Select(s => s.Path));
        Assert.Equal("api.Dockerfile", config.Service("orders-api").Dockerfile);
        Assert.Equal("Dockerfile", config.Service("green").Dockerfile);
        Assert.DoesNotContain("dockerfile: Dockerfile", result.Text, StringComparison.Ordinal);
        Assert.Equal("helm/charts/blue", config.Service("blue").Chart);
        Assert.Equal("deploy/green-app", config.Service("green").Chart); // matched by the chart's name:
        Assert.Null(config.Service("billing-api").Chart);
        Assert.Contains("helm/charts/monitoring", result.Text.Split('\n').Single(l => l.StartsWith("# Charts no service", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal(BuilderKind.Docker, config.Build.Builder);
        Assert.Equal(ReleaseConfigLoader.DefaultRegistry, config.Registry);

        Assert.Equal(["dev", "qa", "staging", "production"], config.Environments.Select(e => e.Name));
        Assert.Equal([null, "dev", "qa", "staging"], config.Environments.Select(e => e.From));
        Assert.True(config.Environment("dev").Auto);
        var production = config.Environment("production");
        Assert.Equal(2, production.Approvals);
        Assert.Equal(TimeSpan.FromHours(24), production.Soak);
        Assert.Equal(0, config.Environment("staging").Approvals);
        // One shared overlay per environment: rendered mode, each service's resources picked by their app label.
        foreach (var environment in config.Environments)
        {
            Assert.Empty(environment.Updates);
            Assert.Equal($"k8s/overlays/{environment.Name}", environment.Render!.OverlayFor("blue", environment.Name));
            Assert.Equal("app=blue", environment.Render.SelectorFor("blue", environment.Name));
        }

        Assert.True(File.Exists(Path.Combine(repository, "deploy", "argocd", "qa.yaml")));
    }

    [Fact]
    public void Init_without_overlays_proposes_dev_staging_production_and_explains_every_section()
    {
        using var folder = new TempFolder();
        Write(folder.Path, "src/Api/Dockerfile", "FROM scratch\n");

        var (result, config) = InitRun.WriteAndLoad(folder.Path);

        Assert.Equal("api", Assert.Single(config.Services).Name);
        Assert.Equal(["dev", "staging", "production"], config.Environments.Select(e => e.Name));
        Assert.Equal(2, config.Environment("production").Approvals);
        Assert.All(config.Environments, e => Assert.Null(e.Render));
        Assert.Empty(result.Wiring);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "deploy")));
        foreach (var section in new[] { "registry:", "git:", "tags:", "build:", "environments:", "services:" })
        {
            var lines = result.Text.Split('\n');
            var at = Array.FindIndex(lines, l => l.StartsWith(section, StringComparison.Ordinal));
            Assert.True(at > 0 && lines[at - 1].StartsWith('#'), $"{section} has no comment above it:\n{result.Text}");
        }
    }

    [Fact]
    public void Init_without_any_Dockerfile_writes_a_placeholder_service_that_loads()
    {
        using var folder = new TempFolder();
        Write(folder.Path, "README.md", "nothing to build yet\n");

        var (result, config) = InitRun.WriteAndLoad(folder.Path);

        var service = Assert.Single(config.Services);
        Assert.Equal(".", service.Path);
        Assert.Equal(BuilderKind.OciLayer, config.Build.Builder);
        Assert.Contains("Init found no Dockerfile", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_refuses_to_overwrite_an_existing_file_and_leaves_it_byte_identical()
    {
        using var folder = new TempFolder();
        Write(folder.Path, "projects/blue/Dockerfile", "FROM scratch\n");
        var existing = "# mine\r\nversion: 1\r\n\tnot even valid: [\r\n"u8.ToArray();
        File.WriteAllBytes(Path.Combine(folder.Path, "release.yaml"), existing);

        var run = ReleasePipeline.RunIn(folder.Path, "--target=Init");

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(run.All.Split('\n'), l => l.StartsWith("Error:", StringComparison.Ordinal));
        Assert.Contains("release.yaml already exists; Init never overwrites it", error, StringComparison.Ordinal);
        Assert.Equal(existing, File.ReadAllBytes(Path.Combine(folder.Path, "release.yaml")));
        Assert.Equal(["release.yaml"], Directory.EnumerateFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Init_dry_run_prints_the_file_and_writes_nothing()
    {
        using var folder = new TempFolder();
        Write(folder.Path, "projects/blue/Dockerfile", "FROM scratch\n");
        Write(folder.Path, "k8s/overlays/dev/kustomization.yaml", Overlay);

        var run = ReleasePipeline.RunIn(folder.Path, "--target=Init", "--dryrun");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.False(File.Exists(Path.Combine(folder.Path, "release.yaml")));
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "deploy")));
        Assert.Contains("    path: projects/blue", run.Output, StringComparison.Ordinal);
        Assert.Contains("  kustomize: \"k8s/overlays/{env}\"", run.Output, StringComparison.Ordinal);
        Assert.Contains("would write deploy/argocd/dev.yaml:", run.Output, StringComparison.Ordinal);
        Assert.Contains("revision: gitops/dev-auto-update", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_writes_the_file_named_by_config_and_the_task_says_where()
    {
        using var folder = new TempFolder();
        Write(folder.Path, "projects/blue/Dockerfile", "FROM scratch\n");

        var run = ReleasePipeline.RunIn(folder.Path, "--target=Init", "--config=release.starter.yaml");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Wrote ", run.Output, StringComparison.Ordinal);
        Assert.Equal("blue", Assert.Single(ReleaseConfigLoader.Load(Path.Combine(folder.Path, "release.starter.yaml")).Services).Name);
    }

    [Fact]
    public void The_plan_orders_unknown_environment_names_between_testing_and_staging()
    {
        var scan = new RepositoryScan("shop", ["a/Dockerfile"], [], ["k/overlays/prod", "k/overlays/perf", "k/overlays/dev", "x/overlays/dev"]);

        var plan = StarterConfigPlanner.Plan(scan);

        Assert.Equal(["dev", "perf", "prod"], plan.Environments.Select(e => e.Name));
        Assert.Equal(["k/overlays/dev", "x/overlays/dev"], plan.Environments[0].Overlays);
        Assert.True(plan.Environments[^1].Gated);
        Assert.Null(plan.Render); // two layouts (k/ and x/): one render: could not name both
    }

    private static void Write(string root, string path, string text)
    {
        var full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }
}
