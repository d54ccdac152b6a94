using Cake.Release.Config;
using Cake.Release.Tests.Infrastructure;
using Cake.Release.Tests.Init;

namespace Cake.Release.Tests.Demo;

/// <summary>examples/monorepo as it is committed: its release.yaml loads, and everything it names is there, so a copy runs as is.</summary>
public sealed class ExampleMonorepoTests
{
    private static readonly string Example = Path.Combine(RepositoryPaths.Root, "examples", "monorepo");

    [Fact]
    public void Its_release_yaml_loads_with_the_seeds_services_on_embedded_defaults_and_a_two_approver_production()
    {
        var config = ReleaseConfigLoader.Load(Path.Combine(Example, "release.yaml"));

        Assert.Equal("oci:.release/registry", config.Registry);
        Assert.Equal(BuilderKind.OciLayer, config.Build.Builder);
        Assert.Equal(new[] { "blue", "green", "yellow", "red" }, config.Services.Select(s => s.Name));
        Assert.Equal(new[] { "libs/payments" }, config.Service("blue")!.DependsOn);
        Assert.Equal(new[] { "libs/payments" }, config.Service("green")!.DependsOn);
        Assert.Equal(new[] { "yellow" }, config.Service("red")!.DependsOn);
        var production = config.Environment("production")!;
        Assert.Equal((2, TimeSpan.Zero, "staging"), (production.Approvals, production.Soak, production.From));
        Assert.Equal("k8s/overlays/production", production.Render!.OverlayFor("blue", "production"));
    }

    [Fact]
    public void Every_service_has_its_dockerfile_build_output_chart_and_changelog()
    {
        var config = ReleaseConfigLoader.Load(Path.Combine(Example, "release.yaml"));

        foreach (var service in config.Services)
        {
            Assert.True(File.Exists(Path.Combine(Example, service.DockerfilePath)), service.DockerfilePath);
            Assert.True(File.Exists(Path.Combine(Example, service.OutputPath, "index.html")), service.OutputPath);
            Assert.True(File.Exists(Path.Combine(Example, service.Chart!, "Chart.yaml")), service.Chart);
            Assert.True(File.Exists(Path.Combine(Example, service.ChangelogPath)), service.ChangelogPath);
        }
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("production")]
    public void Each_kustomize_overlay_renders_the_four_deployments(string environment)
    {
        var render = ProcessRun.Start("kubectl", ["kustomize", Path.Combine("k8s", "overlays", environment)], Example);

        Assert.True(render.ExitCode == 0, render.ToString());
        Assert.Equal(4, render.Output.Split('\n').Count(line => line == "kind: Deployment"));
        Assert.Contains($"namespace: shop-{environment}", render.Output);
    }

    [Fact]
    public void Init_on_the_example_finds_its_services_charts_and_overlays_and_writes_a_file_that_loads()
    {
        // Init never overwrites the example's own release.yaml, so its starter goes beside it, in a copy.
        var copy = Directory.CreateTempSubdirectory("cake-release-init-example-").FullName;
        try
        {
            CopyTree(Example, copy);

            var (result, config) = InitRun.WriteAndLoad(copy, "release.init.yaml");

            Assert.Equal(new[] { "blue", "green", "red", "yellow" }, config.Services.Select(s => s.Name).Order(StringComparer.Ordinal));
            foreach (var service in config.Services)
            {
                Assert.Equal($"projects/{service.Name}", service.Path);
                Assert.Equal($"helm/charts/{service.Name}", service.Chart);
            }

            Assert.Equal(new[] { "dev", "staging", "production" }, config.Environments.Select(e => e.Name));
            Assert.Equal(["staging", "production"], config.Environments.Where(e => e.From is not null).Select(e => e.Name));
            foreach (var environment in config.Environments)
            {
                // As the example's own release.yaml: the shared overlays rendered, each service picked by its app label.
                Assert.Equal($"k8s/overlays/{environment.Name}", environment.Render!.OverlayFor("blue", environment.Name));
                Assert.Equal("app=blue", environment.Render.SelectorFor("blue", environment.Name));
            }

            // The example ships its own Argo CD and Flux files: Init leaves every one of them as it is.
            Assert.Equal(result.Wiring.Select(w => w.Path), result.Kept);
            Assert.All(result.Kept, path => Assert.Equal(File.ReadAllBytes(Path.Combine(Example, path)), File.ReadAllBytes(Path.Combine(copy, path))));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
