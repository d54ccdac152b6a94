using Cake.Release.Config;

namespace Cake.Release.Tests.Config;

public sealed class ReleaseConfigLoaderTests : IDisposable
{
    private const string Minimal = """
        version: 1
        environments:
          dev:
            branch: gitops/dev
        services:
          blue:
            path: projects/blue
        """;

    private readonly ConfigRepository _repository = new();

    public void Dispose() => _repository.Dispose();

    [Fact]
    public void The_design_example_loads_with_every_value_typed()
    {
        var config = _repository.Parse(ReleaseYamlExample.Text);

        Assert.Equal("release.yaml", config.File);
        Assert.Equal(_repository.Root, config.RepositoryRoot);
        Assert.Equal("oci:.release/registry", config.Registry);
        Assert.Equal(new GitConfig { Remote = "origin", MainBranch = "main", ManifestsDir = "release-manifests" }, config.Git);
        Assert.Equal("{service}/{version}", config.Tags.Release.Text);
        Assert.Equal("release/{service}-{major}.{minor}", config.Tags.ReleaseBranch.Text);
        Assert.Equal("sha-{sha7}", config.Tags.Build.Text);
        Assert.Equal(BuilderKind.Docker, config.Build.Builder);

        Assert.Equal(["dev", "staging", "production"], config.Environments.Select(e => e.Name));
        var dev = config.Environment("dev");
        Assert.Equal(("gitops/dev-auto-update", true, "dev", (string?)null), (dev.Branch, dev.Auto, dev.ImageTag, dev.From));
        Assert.Same(dev, config.AutoEnvironment);
        var staging = config.Environment("staging");
        Assert.Equal(("gitops/staging-releases", "dev", "stg", "rc", 0, TimeSpan.Zero), (staging.Branch, staging.From, staging.ImageTag, staging.PreRelease, staging.Approvals, staging.Soak));
        var production = config.Environment("production");
        Assert.Equal(("staging", "prd", 2, TimeSpan.FromHours(24)), (production.From, production.ImageTag, production.Approvals, production.Soak));
        Assert.Equal("release-prd-{date:yyyyMMdd}", production.MilestoneTag!.Text);
        Assert.Equal(new ConfigLocation("release.yaml", 30, "environments.production.milestoneTag"), production.MilestoneTag.Location);
        Assert.Equal(2, production.Updates.Count);
        Assert.Equal(new KustomizeUpdate("k8s/overlays/production"), production.Updates[0]);
        var values = Assert.IsType<FileValueUpdate>(production.Updates[1]);
        Assert.Equal(("helm/values-production.yaml", "{service}.image.tag", "{version}"), (values.File, values.Path.Text, values.Value.Text));
        Assert.Equal(["teams", "slack"], production.Notify.Select(n => n.Kind));
        Assert.Equal(new ConfigLocation("release.yaml", 36, "environments.production.notify[0].teams"), production.Notify[0].Url.Location);
        Assert.Equal(["TEAMS_WEBHOOK_URL"], production.Notify[0].Url.Variables);

        var blue = Assert.Single(config.Services);
        Assert.Equal(("blue", "projects/blue", "blue", "Dockerfile", "helm/charts/blue", "CHANGELOG.md"), (blue.Name, blue.Path, blue.Image, blue.Dockerfile, blue.Chart, blue.Changelog));
        Assert.Equal(["libs/payments"], blue.DependsOn);
        Assert.Equal(("projects/blue/Dockerfile", "projects/blue/CHANGELOG.md"), (blue.DockerfilePath, blue.ChangelogPath));
        Assert.Equal(new ConfigLocation("release.yaml", 39, "services.blue"), blue.Location);
    }

    [Fact]
    public void Every_key_but_version_environments_and_services_has_its_default()
    {
        var config = _repository.Parse(Minimal);

        Assert.Equal(ReleaseConfigLoader.DefaultRegistry, config.Registry);
        Assert.Equal(("origin", "main", "release-manifests"), (config.Git.Remote, config.Git.MainBranch, config.Git.ManifestsDir));
        Assert.Equal(("{service}/{version}", "release/{service}-{major}.{minor}", "sha-{sha7}"), (config.Tags.Release.Text, config.Tags.ReleaseBranch.Text, config.Tags.Build.Text));
        Assert.Equal(BuilderKind.Docker, config.Build.Builder);
        var dev = Assert.Single(config.Environments);
        Assert.Equal((false, (string?)null, (string?)null, (string?)null, 0, TimeSpan.Zero, (TagTemplate?)null), (dev.Auto, dev.From, dev.ImageTag, dev.PreRelease, dev.Approvals, dev.Soak, dev.MilestoneTag));
        Assert.Empty(dev.Updates);
        Assert.Empty(dev.Notify);
        Assert.Null(config.AutoEnvironment);
        var blue = Assert.Single(config.Services);
        Assert.Equal(("blue", "Dockerfile", "CHANGELOG.md", (string?)null), (blue.Image, blue.Dockerfile, blue.Changelog, blue.Chart));
        Assert.Empty(blue.DependsOn);
        Assert.Equal("release-manifests/dev.yaml", config.Git.ManifestPath("dev"));
    }

    [Fact]
    public void Load_reads_the_file_and_takes_its_folder_as_the_repository_root()
    {
        var file = Path.Combine(_repository.Root, "release.yaml");
        File.WriteAllText(file, ReleaseYamlExample.Text);

        var config = ReleaseConfigLoader.Load(file);

        Assert.Equal(file, config.File);
        Assert.Equal(_repository.Root, config.RepositoryRoot);
        Assert.Equal("projects/blue", config.Service("blue").Path);
    }

    [Fact]
    public void Load_of_a_missing_file_says_how_to_point_at_one()
    {
        var file = Path.Combine(_repository.Root, "nope.yaml");

        var error = Assert.Throws<ReleaseException>(() => ReleaseConfigLoader.Load(file));

        Assert.Equal($"{file}: the release configuration is not there; create release.yaml at the repository root or pass --config=<path>.", error.Message);
    }

    [Fact]
    public void The_promotion_chain_follows_from_back_to_its_start()
    {
        var config = _repository.Parse(ReleaseYamlExample.Text);

        Assert.Equal(["dev", "staging", "production"], config.PromotionChain(config.Environment("production")).Select(e => e.Name));
        Assert.Equal(["dev"], config.PromotionChain(config.Environment("dev")).Select(e => e.Name));
        Assert.Equal("staging", config.Source(config.Environment("production"))!.Name);
        Assert.Null(config.Source(config.Environment("dev")));
        Assert.Equal(["staging"], config.Targets(config.Environment("dev")).Select(e => e.Name));
    }

    [Fact]
    public void An_unknown_environment_or_service_is_one_line_with_the_closest_name()
    {
        var config = _repository.Parse(ReleaseYamlExample.Text);

        Assert.Equal("release.yaml: there is no environment \"prod\"; did you mean production? environments: dev, staging, production.",
            Assert.Throws<ReleaseException>(() => config.Environment("prod")).Message);
        Assert.Equal("release.yaml: there is no service \"bleu\"; did you mean blue? services: blue.",
            Assert.Throws<ReleaseException>(() => config.Service("bleu")).Message);
        Assert.Equal("release.yaml: there is no service \"zzzzzzzz\"; services: blue.",
            Assert.Throws<ReleaseException>(() => config.Service("zzzzzzzz")).Message);
    }

    [Fact]
    public void Paths_are_normalized_to_forward_slashes_and_a_service_may_depend_on_another_service()
    {
        var config = _repository.Parse("""
            version: 1
            registry: registry.example.com/acme
            build: { builder: oci-layer }
            environments:
              dev: { branch: gitops/dev, auto: true }
            services:
              blue:
                path: ./projects\blue/
                dockerfile: ../../build/Dockerfile.blue
                dependsOn: [green, libs/payments/]
              green:
                path: projects/green
                image: team/green-api
            """);

        var blue = config.Service("blue");
        Assert.Equal("projects/blue", blue.Path);
        Assert.Equal(["green", "libs/payments"], blue.DependsOn);
        Assert.Equal("build/Dockerfile.blue", blue.DockerfilePath);
        Assert.Equal("team/green-api", config.Service("green").Image);
        Assert.Equal(BuilderKind.OciLayer, config.Build.Builder);
        Assert.Equal("registry.example.com/acme", config.Registry);
    }

    [Fact]
    public void Durations_read_days_hours_minutes_and_their_combinations()
    {
        TimeSpan Soak(string value) => _repository.Parse($"""
            version: 1
            environments:
              dev: {"{"} branch: gitops/dev, soak: {value} {"}"}
            services:
              blue: {"{"} path: projects/blue {"}"}
            """).Environments[0].Soak;

        Assert.Equal(TimeSpan.FromMinutes(30), Soak("30m"));
        Assert.Equal(TimeSpan.FromHours(24), Soak("24h"));
        Assert.Equal(TimeSpan.FromDays(2), Soak("2d"));
        Assert.Equal(TimeSpan.FromMinutes(90), Soak("1h30m"));
        Assert.Equal(TimeSpan.FromSeconds(45), Soak("45s"));
        Assert.Equal(TimeSpan.Zero, Soak("0"));
    }

    [Fact]
    public void A_file_update_may_write_a_value_other_than_the_version()
    {
        var config = _repository.Parse("""
            version: 1
            environments:
              production:
                branch: gitops/production
                updates:
                  - file: argocd/apps/{service}.yaml
                    path: spec.source.targetRevision
                    value: "{service}/{version}"
            services:
              blue: { path: projects/blue }
            """);

        var update = Assert.IsType<FileValueUpdate>(Assert.Single(config.Environments[0].Updates));
        Assert.Equal("blue/1.6.1", update.Value.Render(new TemplateValues { Service = "blue", Version = "1.6.1" }));
        Assert.Equal("spec.source.targetRevision", update.Path.Render(new TemplateValues()));
    }
}
