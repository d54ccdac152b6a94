using Cake.Release.GitOps;
using Cake.Release.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Cake.Release.Tests.GitOps;

/// <summary>
/// The manifest writer Promote<Env> uses, on a layout unlike examples/monorepo: images named with a registry host, port and path, the base in
/// another folder than the overlays, one image in several containers and initContainers, and production built on
/// another overlay. What the real <c>kubectl kustomize</c> renders from the pushed branch is the judge.
/// </summary>
public sealed class KustomizeOverlayTests : IDisposable
{
    private const string Digest = "sha256:3f2c1a0b9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a";
    private const string Catalog = "registry.example.com:5000/shop/catalog";
    private const string Production = "gitops/production-releases";
    private const string Overlay = "deploy/envs/production/kustomization.yaml";

    private const string ReleaseYaml = """
        version: 1
        registry: registry.example.com:5000/shop
        environments:
          staging:
            branch: gitops/staging-releases
            auto: true
          production:
            branch: gitops/production-releases
            from: staging
            updates:
              - kustomize: deploy/envs/production
        services:
          catalog:
            path: services/catalog
          basket:
            path: services/basket
            image: carts/basket
        """;

    // The catalog image in an initContainer, two containers and a CronJob (once untagged), beside an image of
    // another vendor and another service's image written by its short name.
    private const string Workloads = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: catalog
        spec:
          selector:
            matchLabels: {app: catalog}
          template:
            metadata:
              labels: {app: catalog}
            spec:
              initContainers:
                - name: migrate
                  image: registry.example.com:5000/shop/catalog:latest
              containers:
                - name: api
                  image: registry.example.com:5000/shop/catalog:latest
                - name: indexer
                  image: registry.example.com:5000/shop/catalog:latest
                - name: proxy
                  image: docker.io/library/nginx:1.27
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: catalog-reindex
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                    - name: reindex
                      image: registry.example.com:5000/shop/catalog
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: basket
        spec:
          selector:
            matchLabels: {app: basket}
          template:
            metadata:
              labels: {app: basket}
            spec:
              containers:
                - name: basket
                  image: basket
        """;

    private const string ProductionOverlay = """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources:
          - ../production-common
        images:
          - name: registry.example.com:5000/shop/catalog
            newTag: "1.0.0"
        """;

    // Someone pinned the migration's image by a patch in a transformer, which kustomize runs after images:.
    private const string PinningTransformer = """
        apiVersion: builtin
        kind: PatchTransformer
        metadata:
          name: pin-migration
        patch: |-
          - op: replace
            path: /spec/template/spec/initContainers/0/image
            value: registry.example.com:5000/shop/catalog:1.0.0
        target:
          kind: Deployment
          name: catalog
        """;

    private readonly GitRemote _remote = new(Files());

    public void Dispose() => _remote.Dispose();

    private static Dictionary<string, string> Files(string overlay = ProductionOverlay) => new()
    {
        ["release.yaml"] = ReleaseYaml,
        ["services/catalog/Dockerfile"] = "FROM scratch\n",
        ["services/basket/Dockerfile"] = "FROM scratch\n",
        ["platform/shop/workloads.yaml"] = Workloads,
        ["platform/shop/kustomization.yaml"] = "resources:\n  - workloads.yaml\n",
        // An overlay the production one is built on: it renames basket to its registry repository.
        ["deploy/envs/production-common/kustomization.yaml"] =
            "namespace: shop\nresources:\n  - ../../../platform/shop\nimages:\n  - name: basket\n    newName: registry.example.com:5000/shop/carts/basket\n",
        ["deploy/envs/production/pin.yaml"] = PinningTransformer + "\n",
        [Overlay] = overlay + "\n",
    };

    [Fact]
    public void The_entry_named_with_host_port_and_path_is_updated_in_place_and_every_container_renders_the_release()
    {
        Update("catalog", "2.0.0");

        Assert.Equal(["-    newTag: \"1.0.0\"", "+    newTag: \"2.0.0\"", $"+    digest: {Digest}"], DiffLines(Overlay));
        var images = RenderedImages();
        Assert.Equal(
            [
                ("CronJob/catalog-reindex", "reindex", $"{Catalog}:2.0.0@{Digest}"),
                ("Deployment/basket", "basket", "registry.example.com:5000/shop/carts/basket"),
                ("Deployment/catalog", "api", $"{Catalog}:2.0.0@{Digest}"),
                ("Deployment/catalog", "indexer", $"{Catalog}:2.0.0@{Digest}"),
                ("Deployment/catalog", "migrate", $"{Catalog}:2.0.0@{Digest}"),
                ("Deployment/catalog", "proxy", "docker.io/library/nginx:1.27"),
            ],
            images);
    }

    [Fact]
    public void A_service_renamed_by_the_overlay_below_gets_an_entry_under_the_name_kustomize_sees_there()
    {
        Update("basket", "3.1.0");

        // The overlay below renamed basket, so this overlay's kustomize sees the full repository name.
        Assert.Equal(["+  - name: registry.example.com:5000/shop/carts/basket", "+    newTag: 3.1.0", $"+    digest: {Digest}"], DiffLines(Overlay));
        Assert.Contains(("Deployment/basket", "basket", $"registry.example.com:5000/shop/carts/basket:3.1.0@{Digest}"), RenderedImages());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_overlay_that_overrides_its_images_entry_is_refused_naming_the_container_and_nothing_is_pushed(bool dryRun)
    {
        using var remote = new GitRemote(Files(ProductionOverlay + "\ntransformers:\n  - pin.yaml"));

        var error = Assert.Throws<ReleaseException>(() => Update("catalog", "2.0.0", remote, dryRun));

        Assert.Equal(
            "origin/gitops/production-releases:deploy/envs/production would not run catalog:2.0.0 (" + Digest + "): kubectl kustomize renders container migrate of "
            + "Deployment/catalog as registry.example.com:5000/shop/catalog:1.0.0; something in the overlay overrides its images: entry (a patch, a transformer, "
            + "an entry of another name), so fix that and run again. Nothing was pushed.",
            error.Message);
        Assert.Equal("", GitRemote.Git(remote.Bare, "branch", "--list", "gitops/*"));
    }

    [Fact]
    public void An_overlay_that_no_longer_renders_is_refused_with_kubectls_reason()
    {
        using var remote = new GitRemote(Files(ProductionOverlay.Replace("../production-common", "../production-commons", StringComparison.Ordinal)));

        var error = Assert.Throws<ReleaseException>(() => Update("catalog", "2.0.0", remote));

        Assert.StartsWith("origin/gitops/production-releases:deploy/envs/production does not render with the edit (kubectl kustomize deploy/envs/production: ", error.Message);
        Assert.EndsWith("); fix the overlay so that it renders, and run again. Nothing was pushed.", error.Message);
        Assert.Equal("", GitRemote.Git(remote.Bare, "branch", "--list", "gitops/*"));
    }

    [Fact]
    public void Doctor_says_whether_the_render_check_is_on()
    {
        var gitOnly = Directory.CreateDirectory(Path.Combine(_remote.Folder, "git-only")).FullName;
        File.CreateSymbolicLink(Path.Combine(gitOnly, "git"), ProcessRun.Start("sh", ["-c", "command -v git"], null).Output.Trim());

        var on = ReleasePipeline.RunIn(_remote.Seed, "--target=Doctor");
        var off = ReleasePipeline.RunIn(_remote.Seed, new Dictionary<string, string> { ["PATH"] = gitOnly }, "--target=Doctor");

        Assert.True(on.ExitCode == 0, on.ToString());
        Assert.Contains("render check: on (kubectl kustomize renders every edited overlay before a push", on.Output, StringComparison.Ordinal);
        Assert.True(off.ExitCode == 0, off.ToString());
        Assert.Contains("render check: off (no kubectl on PATH): edited Kustomize overlays are pushed without rendering them; install kubectl", off.Output, StringComparison.Ordinal);
    }

    private void Update(string service, string version) =>
        Assert.Equal(BranchWriteOutcome.Committed, Update(service, version, _remote).Write.Outcome);

    private static ManifestUpdateResult Update(string service, string version, GitRemote remote, bool dryRun = false) =>
        TestCake.Context().WriteManifest(new UpdateManifestSettings
        {
            Environment = "production",
            Service = service,
            Version = version,
            Digest = Digest,
            From = "staging",
            ConfigFile = Path.Combine(remote.Clone(), "release.yaml"),
            DryRun = dryRun,
        });

    private List<string> DiffLines(string path) =>
        GitRemote.Git(_remote.Bare, "diff", "--unified=0", $"main...{Production}", "--", path).Split('\n')
            .Where(line => line.Length > 0 && line[0] is '+' or '-' && !line.StartsWith("+++", StringComparison.Ordinal) && !line.StartsWith("---", StringComparison.Ordinal))
            .ToList();

    // (kind/name, container, image) of every container and initContainer kubectl kustomize renders from the branch.
    private List<(string Workload, string Container, string Image)> RenderedImages()
    {
        var checkout = _remote.Clone();
        GitRemote.Git(checkout, "checkout", "--quiet", $"origin/{Production}");
        var render = ProcessRun.Start("kubectl", ["kustomize", "deploy/envs/production"], checkout);
        Assert.True(render.ExitCode == 0, render.ToString());

        var stream = new YamlStream();
        stream.Load(new StringReader(render.Output));
        var images = new List<(string, string, string)>();
        foreach (var document in stream.Documents)
        {
            var root = (YamlMappingNode)document.RootNode;
            var workload = $"{root["kind"]}/{root["metadata"]["name"]}";
            Collect(root, workload, images);
        }

        return [.. images.Order()];
    }

    private static void Collect(YamlNode node, string workload, List<(string, string, string)> images)
    {
        if (node is YamlMappingNode mapping)
        {
            foreach (var (key, value) in mapping.Children)
            {
                if (key.ToString() is "containers" or "initContainers" && value is YamlSequenceNode list)
                {
                    images.AddRange(list.Cast<YamlMappingNode>().Select(c => (workload, c["name"].ToString(), c["image"].ToString())));
                }
                else
                {
                    Collect(value, workload, images);
                }
            }
        }
        else if (node is YamlSequenceNode sequence)
        {
            foreach (var item in sequence)
            {
                Collect(item, workload, images);
            }
        }
    }
}
