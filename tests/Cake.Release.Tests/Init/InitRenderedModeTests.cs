using Cake.Release.Config;
using Cake.Release.Init;
using Cake.Release.Tests.Infrastructure;
using Cake.Release.Tests.Yaml;

namespace Cake.Release.Tests.Init;

/// <summary>
/// Init on repositories with Kustomize overlays: the starter release.yaml renders them (render:), and the Argo CD and
/// Flux files Init writes beside it follow exactly the branches and folders that release.yaml, loaded as the tasks
/// load it, renders to.
/// </summary>
public sealed class InitRenderedModeTests
{
    private const string Overlay = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n{0}resources: [../../base]\n";

    [Fact]
    public void Per_service_overlays_render_each_services_own_and_the_wiring_follows_its_branches_and_folders()
    {
        var files = new Dictionary<string, string>
        {
            ["projects/blue/Dockerfile"] = "FROM scratch\n",
            ["projects/green/Dockerfile"] = "FROM scratch\n",
        };
        foreach (var service in new[] { "blue", "green" })
        {
            foreach (var environment in new[] { "dev", "staging", "production" })
            {
                files[$"deploy/{service}/overlays/{environment}/kustomization.yaml"] = string.Format(Overlay, $"namespace: shop-{environment}\n");
            }
        }

        using var remote = new GitRemote(files);
        // A token in the remote's URL must not reach a file meant to be committed.
        GitRemote.Git(remote.Seed, "remote", "set-url", "origin", "https://ci-bot:s3cr3t-token@git.example.org/acme/shop.git");

        var (result, config) = InitRun.WriteAndLoad(remote.Seed);

        foreach (var environment in config.Environments)
        {
            var render = Assert.IsType<RenderConfig>(environment.Render);
            Assert.Equal($"deploy/blue/overlays/{environment.Name}", render.OverlayFor("blue", environment.Name));
            Assert.Null(render.SelectorFor("blue", environment.Name));
            Assert.Empty(environment.Updates);
        }

        var wiring = WiringDocuments.Read(Path.Combine(remote.Seed, "deploy"));
        var names = wiring.AssertMeets(config, e => $"shop-{e.Name}");
        Assert.Equal("green-staging", names["staging"]["green"]);
        Assert.Equal(
            ["deploy/argocd/dev.yaml", "deploy/argocd/staging.yaml", "deploy/argocd/production.yaml", "deploy/argocd/kustomization.yaml",
             "deploy/flux/dev.yaml", "deploy/flux/staging.yaml", "deploy/flux/production.yaml", "deploy/flux/kustomization.yaml"],
            result.Wiring.Select(w => w.Path));
        Assert.Empty(result.Kept);
        foreach (var file in result.Wiring)
        {
            var text = File.ReadAllText(Path.Combine(remote.Seed, file.Path));
            Assert.Equal(file.Text, text);
            Assert.DoesNotContain("s3cr3t", text, StringComparison.Ordinal);
            Assert.DoesNotContain("REPLACE", text, StringComparison.Ordinal);
        }

        Assert.Equal("https://git.example.org/acme/shop.git", WiringDocuments.Text(wiring.OfKind("source.toolkit.fluxcd.io/v1", "GitRepository")[0], "spec.url"));
        AssertBuildsWithKustomize(remote.Seed);
    }

    [Fact]
    public void Shared_overlays_render_with_a_label_selector_and_existing_wiring_files_are_left_as_they_are()
    {
        using var folder = new TempFolder();
        Write(folder.Path, "services/orders/Dockerfile", "FROM scratch\n");
        Write(folder.Path, "services/billing/Dockerfile", "FROM scratch\n");
        foreach (var environment in new[] { "dev", "production" })
        {
            Write(folder.Path, $"k8s/overlays/{environment}/kustomization.yaml", string.Format(Overlay, string.Empty));
        }

        var mine = "# my own ApplicationSet\r\nkind: ApplicationSet\r\n"u8.ToArray();
        Directory.CreateDirectory(Path.Combine(folder.Path, "deploy", "argocd"));
        File.WriteAllBytes(Path.Combine(folder.Path, "deploy", "argocd", "dev.yaml"), mine);

        var (result, config) = InitRun.WriteAndLoad(folder.Path);

        foreach (var environment in config.Environments)
        {
            var render = Assert.IsType<RenderConfig>(environment.Render);
            Assert.Equal($"k8s/overlays/{environment.Name}", render.OverlayFor("orders", environment.Name));
            Assert.Equal("app=billing", render.SelectorFor("billing", environment.Name));
        }

        Assert.Contains("The label must be on each resource of a service", result.Text, StringComparison.Ordinal);
        Assert.Equal(["deploy/argocd/dev.yaml"], result.Kept);
        Assert.Equal(mine, File.ReadAllBytes(Path.Combine(folder.Path, "deploy", "argocd", "dev.yaml")));

        // The kept file is the user's; what Init would have written there is checked as if written.
        File.WriteAllText(Path.Combine(folder.Path, "deploy", "argocd", "dev.yaml"), result.Wiring.Single(w => w.Path == "deploy/argocd/dev.yaml").Text);
        // No overlay names a namespace: the environment's name is the one resources get, in Argo CD and in Flux alike.
        var names = WiringDocuments.Read(Path.Combine(folder.Path, "deploy")).AssertMeets(config, e => e.Name);
        Assert.Equal("orders-production", names["production"]["orders"]);
        // Not a git repository, so no remote: every object names the placeholder and says to replace it.
        foreach (var file in result.Wiring.Where(w => !w.Path.EndsWith("kustomization.yaml", StringComparison.Ordinal)))
        {
            Assert.Contains($"{ClusterRepositoryUrl.Placeholder}", file.Text, StringComparison.Ordinal);
            Assert.Contains("REPLACE with this repository's URL", file.Text, StringComparison.Ordinal);
        }

        AssertBuildsWithKustomize(folder.Path);
    }

    [Fact]
    public void Overlays_in_more_than_one_layout_are_edited_in_place_as_before_and_no_wiring_is_written()
    {
        using var folder = new TempFolder();
        Write(folder.Path, "projects/blue/Dockerfile", "FROM scratch\n");
        Write(folder.Path, "k8s/overlays/dev/kustomization.yaml", string.Format(Overlay, string.Empty));
        Write(folder.Path, "infra/overlays/dev/kustomization.yaml", string.Format(Overlay, string.Empty));

        var (result, config) = InitRun.WriteAndLoad(folder.Path);

        var dev = config.Environment("dev");
        Assert.Null(dev.Render);
        Assert.Equal(["infra/overlays/dev", "k8s/overlays/dev"], dev.Updates.Cast<KustomizeUpdate>().Select(u => u.Directory));
        Assert.Empty(result.Wiring);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "deploy")));
    }

    [Theory]
    [InlineData("deploy/blue/overlays/dev", "deploy/{service}/overlays/{env}", null)]
    [InlineData("blue/overlays/dev", "{service}/overlays/{env}", null)]
    [InlineData("k8s/overlays/dev", "k8s/overlays/{env}", "app={service}")]
    [InlineData("deploy/blue/k8s/overlays/dev", "deploy/{service}/k8s/overlays/{env}", null)]
    [InlineData("deploy/blue-app/overlays/dev", "deploy/blue-app/overlays/{env}", "app={service}")]
    public void The_plan_renders_the_one_overlay_layout_it_finds(string overlay, string template, string? selector)
    {
        var scan = new RepositoryScan("shop", ["projects/blue/Dockerfile"], [], [overlay, overlay.Replace("/dev", "/production", StringComparison.Ordinal)]);

        var plan = StarterConfigPlanner.Plan(scan);

        Assert.Equal((template, selector), (plan.Render!.Kustomize, plan.Render.Selector));
        Assert.Empty(plan.Render.Missing);
    }

    [Fact]
    public void The_plan_names_the_per_service_overlays_an_environment_lacks_and_the_file_says_so()
    {
        var scan = new RepositoryScan("shop", ["projects/blue/Dockerfile", "projects/green/Dockerfile"], [], ["deploy/blue/overlays/dev", "deploy/blue/overlays/prod", "deploy/green/overlays/dev"]);

        var plan = StarterConfigPlanner.Plan(scan);

        Assert.Equal(["deploy/green/overlays/prod"], plan.Render!.Missing);
        Assert.Contains(
            "  # Not in the repository yet, so those services cannot go into those environments: deploy/green/overlays/prod.",
            StarterConfigRenderer.Render(plan).Split('\n'));
    }

    [Fact]
    public void The_plan_edits_in_place_an_environment_folder_not_spelled_as_the_environments_name()
    {
        // {env} renders "prod", which would not find the folder "Prod" on a case-sensitive file system.
        var scan = new RepositoryScan("shop", ["projects/blue/Dockerfile"], [], ["k8s/overlays/Prod", "k8s/overlays/dev"]);

        var plan = StarterConfigPlanner.Plan(scan);

        Assert.Null(plan.Render);
        Assert.Equal(["k8s/overlays/Prod"], plan.Environments.Single(e => e.Name == "prod").Overlays);
    }

    [Theory]
    [InlineData("https://ci-bot:token@github.com/acme/shop.git", "https://github.com/acme/shop.git")]
    [InlineData("ssh://git:pw@git.example.org:2222/acme/shop.git", "ssh://git@git.example.org:2222/acme/shop.git")]
    [InlineData("git@github.com:acme/shop.git", "ssh://git@github.com/acme/shop.git")]
    [InlineData("/tmp/origin.git", null)]
    [InlineData("file:///tmp/origin.git", null)]
    [InlineData(null, null)]
    public void The_cluster_gets_the_remote_url_without_credentials_and_never_a_local_path(string? remote, string? expected)
    {
        Assert.Equal(expected, ClusterRepositoryUrl.From(remote));
    }

    private static void AssertBuildsWithKustomize(string repository)
    {
        foreach (var (folder, kind) in new[] { ("argocd", "ApplicationSet"), ("flux", "Kustomization") })
        {
            var build = ProcessRun.Start("kubectl", ["kustomize", Path.Combine("deploy", folder)], repository);
            Assert.True(build.ExitCode == 0, build.ToString());
            Assert.Contains($"kind: {kind}", build.Output, StringComparison.Ordinal);
        }
    }

    private static void Write(string root, string path, string text)
    {
        var full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }
}
