using Cake.Release.Registry;
using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Registry;

/// <summary>The Retag target as a user runs it: the pipeline process in a repository whose release.yaml names a real registry.</summary>
public sealed class RetagTaskTests : RegistryTestBase
{
    private readonly string _repository = Directory.CreateTempSubdirectory("cake-release-retag-").FullName;

    private void WriteReleaseYaml(string? registry)
    {
        Directory.CreateDirectory(Path.Combine(_repository, "projects", "blue"));
        File.WriteAllText(Path.Combine(_repository, "release.yaml"), $"""
            version: 1
            {(registry is null ? "" : $"registry: {registry}")}
            environments:
              dev:
                branch: gitops/dev-auto-update
                auto: true
                imageTag: dev
              staging:
                branch: gitops/staging-releases
                from: dev
                imageTag: stg
            services:
              blue:
                path: projects/blue
                image: acme/blue
            """);
    }

    private ProcessResult Run(params string[] arguments) =>
        ReleasePipeline.RunIn(_repository, new Dictionary<string, string> { ["DOCKER_CONFIG"] = _repository }, ["--target=Retag", .. arguments]);

    private async Task<ImageManifest> BuildAsync(string tag)
    {
        using var store = Open();
        return await FixtureImages.PushImageAsync(store, "acme/blue", tag, "amd64", tag.Length * 7);
    }

    [Fact]
    public async Task Tags_the_services_image_in_the_registry_release_yaml_names()
    {
        WriteReleaseYaml(Registry.Host);
        var image = await BuildAsync("sha-3f2c1ab");

        var result = Run("--service=blue", "--from-tag=sha-3f2c1ab", "--tag=1.6.0", "--tag=stg");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"{Registry.Host}/acme/blue:1.6.0 names {image.Digest} (new tag)", result.Output);
        Assert.Equal(image.Digest, Skopeo.DigestOf(Docker("acme/blue:1.6.0")));
        Assert.Equal(image.Digest, Skopeo.DigestOf(Docker("acme/blue:stg")));
    }

    [Fact]
    public async Task An_environment_tag_moves_to_the_next_build_but_a_version_tag_is_refused_and_nothing_changes()
    {
        WriteReleaseYaml($"http://{Registry.Host}");
        var first = await BuildAsync("sha-1111111");
        var second = await BuildAsync("sha-22222222222");
        Assert.Equal(0, Run("--service=blue", $"--digest={first.Digest}", "--tag=1.6.0", "--tag=stg").ExitCode);

        var moved = Run("--service=blue", "--from-tag=sha-22222222222", "--tag=stg");
        var sameDigest = Run("--service=blue", "--from-tag=sha-1111111", "--tag=dev", "--tag=1.6.0", "--tag=1.7.0");
        var refusedVersion = Run("--service=blue", "--from-tag=sha-22222222222", "--tag=dev", "--tag=1.6.0");

        Assert.True(moved.ExitCode == 0, moved.ToString());
        Assert.Contains($"stg moved from {first.Digest} to {second.Digest}", moved.Output);
        Assert.True(sameDigest.ExitCode == 0, sameDigest.ToString());
        Assert.True(refusedVersion.ExitCode == 1, refusedVersion.ToString());
        var error = Assert.Single(refusedVersion.All.Split('\n'), line => line.StartsWith("Error:", StringComparison.Ordinal));
        Assert.Contains($"acme/blue:1.6.0 already names {first.Digest}, not {second.Digest}; a version tag never moves", error);
        Assert.Equal(first.Digest, Skopeo.DigestOf(Docker("acme/blue:dev")));
        Assert.Equal(first.Digest, Skopeo.DigestOf(Docker("acme/blue:1.6.0")));
    }

    [Fact]
    public async Task A_dry_run_prints_what_it_would_do_and_tags_nothing()
    {
        WriteReleaseYaml(Registry.Host);
        var image = await BuildAsync("sha-3f2c1ab");

        var result = Run("--service=blue", "--from-tag=sha-3f2c1ab", "--tag=1.6.0", "--dryrun");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"{Registry.Host}/acme/blue:1.6.0 would name {image.Digest} (new tag)", result.Output);
        using var store = Open();
        Assert.Equal(["sha-3f2c1ab"], await store.ListTagsAsync("acme/blue"));
    }

    [Fact]
    public async Task Without_a_registry_key_the_layout_under_the_repository_is_used()
    {
        WriteReleaseYaml(null);
        ImageManifest image;
        var location = ImageReference.Parse("oci:.release/registry/acme/blue");
        using (var layout = ImageStores.Open(location, baseDirectory: _repository))
        {
            image = await FixtureImages.PushImageAsync(layout, location.Repository, "sha-3f2c1ab");
        }

        var result = Run("--service=blue", "--from-tag=sha-3f2c1ab", "--tag=1.6.0");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(image.Digest, Skopeo.DigestOf($"oci:{_repository}/.release/registry/acme/blue:1.6.0"));
    }

    [Theory]
    [InlineData("--service=blue|--tag=1.6.0", "Retag needs exactly one of --from-tag and --digest")]
    [InlineData("--service=blue|--from-tag=sha-3f2c1ab|--digest=sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef|--tag=1", "Retag needs exactly one of --from-tag and --digest")]
    [InlineData("--service=blue|--from-tag=sha-3f2c1ab|--tag=latest", "'latest' is refused as a version tag")]
    [InlineData("--service=blue|--from-tag=sha-3f2c1ab", "no tag given; name at least one with --tag")]
    [InlineData("--service=blue|--digest=sha256:abc|--tag=1.6.0", "the digest 'sha256:abc' is not sha256:")]
    [InlineData("--service=bleu|--from-tag=sha-3f2c1ab|--tag=1.6.0", "did you mean blue?")]
    [InlineData("--service=blue|--from-tag=sha-0000000|--tag=1.6.0", "acme/blue:sha-0000000: not found in registry")]
    public async Task Bad_input_is_refused_in_one_line_and_tags_nothing(string arguments, string message)
    {
        WriteReleaseYaml(Registry.Host);
        await BuildAsync("sha-3f2c1ab");

        var result = Run(arguments.Split('|'));

        Assert.True(result.ExitCode == 1, result.ToString());
        var error = Assert.Single(result.All.Split('\n'), line => line.StartsWith("Error:", StringComparison.Ordinal));
        Assert.Contains(message, error);
        using var store = Open();
        Assert.Equal(["sha-3f2c1ab"], await store.ListTagsAsync("acme/blue"));
    }

    public override void Dispose()
    {
        Directory.Delete(_repository, recursive: true);
        base.Dispose();
    }
}
