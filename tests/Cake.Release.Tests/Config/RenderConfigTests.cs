using Cake.Release.Config;

namespace Cake.Release.Tests.Config;

/// <summary>render: (top-level default, per environment) and services' deploy: paths, as the loader reads and refuses them.</summary>
public sealed class RenderConfigTests : IDisposable
{
    private readonly ConfigRepository _repository = new();

    public void Dispose() => _repository.Dispose();

    // Line numbers: render: from line 2; dev at the line after it.
    private static string Config(string render, string dev = "", string staging = "", string service = "") => $$"""
        version: 1
        {{render}}environments:
          dev:
            branch: gitops/dev
            auto: true
        {{dev}}  staging:
            branch: gitops/staging
            from: dev
        {{staging}}services:
          blue:
            path: projects/blue
            chart: helm/charts/blue
        {{service}}
        """;

    [Fact]
    public void The_top_level_render_is_every_environments_default_and_an_environment_can_override_or_leave_it()
    {
        var config = _repository.Parse(Config(
            "render:\n  kustomize: deploy/{service}/overlays/{env}\n",
            dev: "    render: false\n",
            staging: "    render:\n      path: out/{service}-{env}\n"));

        Assert.Null(config.Environment("dev").Render);
        var staging = config.Environment("staging").Render!;
        Assert.Equal(("deploy/blue/overlays/staging", "out/blue-staging", (string?)null), (staging.OverlayFor("blue", "staging"), staging.PathFor("blue", "staging"), staging.SelectorFor("blue", "staging")));
    }

    [Fact]
    public void A_shared_overlay_takes_a_selector_and_the_rendered_folder_defaults_to_rendered_env_service()
    {
        var config = _repository.Parse(Config("render:\n  kustomize: k8s/overlays/{env}\n  selector: app.kubernetes.io/name={service}\n"));

        var dev = config.Environment("dev").Render!;
        Assert.Equal(("k8s/overlays/dev", "rendered/dev/blue", "app.kubernetes.io/name=blue"), (dev.OverlayFor("blue", "dev"), dev.PathFor("blue", "dev"), dev.SelectorFor("blue", "dev")));
    }

    [Fact]
    public void Configuration_paths_are_the_deploy_paths_and_the_services_folder_of_a_per_service_overlay()
    {
        var perService = _repository.Parse(Config("render:\n  kustomize: deploy/{service}/overlays/{env}\n", service: "    deploy: [k8s/base/blue.yaml]\n"));
        var shared = _repository.Parse(Config("render:\n  kustomize: k8s/overlays/{env}\n  selector: app={service}\n"));
        var helm = _repository.Parse(Config("render:\n  helm: values-{env}.yaml\n"));
        var inPlace = _repository.Parse(Config("", service: "    deploy: [k8s/base/blue.yaml]\n"));

        Assert.Equal(["k8s/base/blue.yaml", "deploy/blue"], perService.ConfigurationPaths(perService.Service("blue")));
        Assert.Empty(shared.ConfigurationPaths(shared.Service("blue")));
        Assert.Equal(["helm/charts/blue"], helm.ConfigurationPaths(helm.Service("blue")));
        Assert.Equal(["k8s/base/blue.yaml"], inPlace.ConfigurationPaths(inPlace.Service("blue")));
    }

    [Theory]
    [InlineData("render:\n  kustomize: k8s/overlays/{env}\n", "release.yaml:3: render.kustomize \"k8s/overlays/{env}\" is one overlay every service shares, so each service's resources must be picked out of it; add selector: app={service}")]
    [InlineData("render:\n  kustomize: deploy/{service}/overlays/{env}\n  path: rendered/{env}\n", "release.yaml:4: render.path \"rendered/{env}\" has no {service}, so every service's rendered files would share one folder")]
    [InlineData("render:\n  kustomize: deploy/{service}/overlays/{env}\n  helm: values.yaml\n", "release.yaml:4: render.helm and render.kustomize are both set")]
    [InlineData("render:\n  kustomize: deploy/{service}/overlays/{env}\n  path: release-manifests/{service}\n", "release.yaml:4: render.path \"release-manifests/{service}\" overlaps git.manifestsDir \"release-manifests\"")]
    [InlineData("render:\n  kustomize: deploy/{service}/{version}\n", "release.yaml:3: render.kustomize \"deploy/{service}/{version}\" uses {version}, which is not known when configuration is rendered")]
    [InlineData("render:\n  kustomize: ../elsewhere/{service}\n", "release.yaml:3: render.kustomize leaves the repository")]
    [InlineData("render:\n  kustomize: k8s/overlays/{env}\n  selector: app in (blue)\n", "release.yaml:4: render.selector \"app in (blue)\" uses a set-based requirement")]
    [InlineData("render:\n  kustomize: k8s/overlays/{env}\n  selector: app=,=x\n", "release.yaml:4: render.selector \"app=,=x\" has a requirement that is not key=value")]
    [InlineData("render:\n  selector: app={service}\n", "release.yaml:3: render names nothing to render; add kustomize:")]
    [InlineData("render:\n  kustomise: k8s/overlays/{env}\n", "kustomise")]
    public void A_render_that_cannot_work_is_refused_naming_the_line_and_the_fix(string render, string expected)
    {
        Assert.Contains(expected, _repository.Refusal(Config(render)), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_true_in_an_environment_needs_a_top_level_default()
    {
        Assert.Contains("environments.dev.render is true, but release.yaml has no top-level render:", _repository.Refusal(Config("", dev: "    render: true\n")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_deploy_path_outside_the_repository_is_refused()
    {
        Assert.Contains("services.blue.deploy[0] \"../secrets\" leaves the repository", _repository.Refusal(Config("", service: "    deploy: [../secrets]\n")), StringComparison.Ordinal);
    }
}
