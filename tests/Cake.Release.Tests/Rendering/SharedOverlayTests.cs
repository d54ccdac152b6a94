using Cake.Release.Tests.Infrastructure;
using Cake.Release.Tests.Promotion;

namespace Cake.Release.Tests.Rendering;

/// <summary>
/// Rendered mode on the example's layout: one overlay per environment that every service shares
/// (k8s/overlays/&lt;env&gt; over k8s/base), each service's objects picked by a label selector. What goes wrong with
/// it — a selector that picks nothing, an overlay that no longer renders, a chart with no helm to render it — stops
/// the run before anything moves.
/// </summary>
public sealed class SharedOverlayTests : IDisposable
{
    private readonly PromotionWorld _world;

    public SharedOverlayTests()
    {
        _world = new PromotionWorld(config => config
            .Replace("environments:\n", "render:\n  kustomize: k8s/overlays/{env}\n  selector: app={service}\nenvironments:\n", StringComparison.Ordinal)
            .Replace("    preRelease: rc\n", "    preRelease: rc\n    render:\n      selector: app.kubernetes.io/name={service}\n", StringComparison.Ordinal)
            );
        var files = new Dictionary<string, string?>
        {
            ["k8s/base/kustomization.yaml"] = "resources:\n" + string.Concat(ShopMonorepo.Services.Select(s => $"  - {s}.yaml\n")),
        };
        foreach (var service in ShopMonorepo.Services)
        {
            files[$"k8s/base/{service}.yaml"] = $"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {service}\n  labels:\n    app: {service}\nspec:\n  template:\n    spec:\n      containers:\n        - name: {service}\n          image: {service}\n";
        }

        foreach (var env in new[] { "dev", "staging", "production" })
        {
            files[$"k8s/overlays/{env}/kustomization.yaml"] = $"namespace: shop-{env}\nresources:\n  - ../../base\n";
        }

        ShopMonorepo.Commit(_world.Clone, "chore: shared overlays", files);
        var deploy = _world.Run("--target=DeployDev", "--by=ci-bot", "--service=blue", "--service=green");
        Assert.True(deploy.ExitCode == 0, deploy.ToString());
    }

    public void Dispose() => _world.Dispose();

    private string[] Files(string branch, string folder) =>
        GitRemote.Git(_world.Remote.Bare, "ls-tree", "-r", "--name-only", branch, "--", folder).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Each_service_gets_only_its_own_objects_out_of_the_shared_overlay()
    {
        Assert.Equal(["rendered/dev/blue/deployment-blue.yaml"], Files("gitops/dev-auto-update", "rendered/dev/blue"));
        Assert.Equal(["rendered/dev/green/deployment-green.yaml"], Files("gitops/dev-auto-update", "rendered/dev/green"));
        var blue = _world.Remote.Show("gitops/dev-auto-update", "rendered/dev/blue/deployment-blue.yaml");
        Assert.Contains($"image: {_world.Registry.Host}/acme/blue@{_world.Manifest("dev")!.Entry("blue")!.Digest}", blue, StringComparison.Ordinal);
        Assert.Contains("namespace: shop-dev", blue, StringComparison.Ordinal);
    }

    [Fact]
    public void A_selector_that_picks_nothing_refuses_the_promotion_naming_the_selector_and_changes_nothing()
    {
        var before = _world.State();

        var run = _world.Run("--target=PromoteStaging", "--service=blue", "--by=carol");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("[FAIL] configuration: ", run.Output, StringComparison.Ordinal);
        Assert.Contains("release.yaml: environments.staging.render.selector \"app.kubernetes.io/name=blue\" selects none of the 4 object(s) k8s/overlays/staging renders at", run.Output, StringComparison.Ordinal);
        Assert.Equal(before, _world.State());
    }

    [Fact]
    public void An_overlay_that_stops_rendering_stops_DeployDev_before_the_dev_tag_or_branch_moves()
    {
        var tip = GitRemote.Git(_world.Remote.Bare, "rev-parse", "gitops/dev-auto-update").Trim();
        var tag = _world.TagDigest("blue", "dev");
        ShopMonorepo.Commit(_world.Clone, "feat(blue): new page, and an overlay typo", new Dictionary<string, string?>
        {
            ["projects/blue/app.txt"] = "blue v2\n",
            ["k8s/overlays/dev/kustomization.yaml"] = "namespace: shop-dev\nresources:\n  - ../../bsae\n",
        });

        var run = _world.Run("--target=DeployDev", "--by=ci-bot", "--service=blue");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("k8s/overlays/dev at ", run.All, StringComparison.Ordinal);
        Assert.Contains("does not render (kubectl kustomize:", run.All, StringComparison.Ordinal);
        Assert.Equal(tip, GitRemote.Git(_world.Remote.Bare, "rev-parse", "gitops/dev-auto-update").Trim());
        Assert.Equal(tag, _world.TagDigest("blue", "dev"));
    }

    [Fact]
    public void A_chart_to_render_without_helm_on_path_is_refused_saying_so_before_dev_moves()
    {
        using var world = new PromotionWorld(config => config
            .Replace("environments:\n", "render:\n  helm: values-{env}.yaml\nenvironments:\n", StringComparison.Ordinal)
            .Replace("    path: projects/blue\n", "    path: projects/blue\n    chart: charts/blue\n", StringComparison.Ordinal));
        Assert.Null(ProcessRun.Start("sh", ["-c", "command -v helm"], world.Clone).Output.Trim() is { Length: > 0 } helm ? helm : null);

        var run = world.Run("--target=DeployDev", "--by=ci-bot", "--service=blue");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("release.yaml: environments.dev.render.helm renders blue's chart with helm template, and helm is not on PATH; install helm", run.All, StringComparison.Ordinal);
        Assert.Null(world.RemoteCommit("refs/heads/gitops/dev-auto-update"));
        Assert.Null(world.TagDigest("blue", "dev"));
    }
}
