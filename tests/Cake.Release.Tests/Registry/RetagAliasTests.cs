using Cake.Release.Registry;

namespace Cake.Release.Tests.Registry;

/// <summary>The Retag alias with a real Cake context, on an OCI layout relative to a repository root.</summary>
public sealed class RetagAliasTests : IDisposable
{
    private readonly string _repository = Directory.CreateTempSubdirectory("cake-release-repo-").FullName;

    private async Task<ImageManifest> BuildAsync()
    {
        using var store = ImageStores.Open(ImageReference.Parse("oci:.release/registry/blue"), baseDirectory: _repository);
        return await FixtureImages.PushImageAsync(store, "blue", "sha-3f2c1ab");
    }

    private RetagSettings Settings(params string[] tags)
    {
        var settings = new RetagSettings { Image = "oci:.release/registry/blue:sha-3f2c1ab", BaseDirectory = _repository };
        foreach (var tag in tags)
        {
            settings.Tags.Add(tag);
        }

        settings.MovableTags.Add("stg");
        return settings;
    }

    [Fact]
    public async Task Tags_the_image_and_logs_each_tag_with_the_digest()
    {
        var image = await BuildAsync();
        var (context, log) = CakeContexts.Create();

        var result = context.Retag(Settings("1.6.0", "stg"));

        Assert.False(result.DryRun);
        Assert.Equal(
            [$"oci:.release/registry/blue:1.6.0 names {image.Digest} (new tag)", $"oci:.release/registry/blue:stg names {image.Digest} (new tag)"],
            log.Lines);
        Assert.Equal(image.Digest, Skopeo.DigestOf($"oci:{_repository}/.release/registry/blue:1.6.0"));
    }

    [Fact]
    public async Task A_second_run_says_there_is_nothing_to_do()
    {
        var image = await BuildAsync();
        var (context, log) = CakeContexts.Create();
        context.Retag(Settings("1.6.0"));

        var again = context.Retag(Settings("1.6.0"));

        Assert.True(again.NothingToDo);
        Assert.Equal($"oci:.release/registry/blue: 1.6.0 already name {image.Digest}; nothing to do.", log.Lines[^1]);
    }

    [Fact]
    public async Task With_dryrun_it_says_what_it_would_do_and_changes_nothing()
    {
        var image = await BuildAsync();
        var index = File.ReadAllText(Path.Combine(_repository, ".release/registry/blue/index.json"));
        var (context, log) = CakeContexts.Create("--dryrun");

        var result = context.Retag(Settings("1.6.0"));

        Assert.True(result.DryRun);
        Assert.Equal([$"oci:.release/registry/blue:1.6.0 would name {image.Digest} (new tag)"], log.Lines);
        Assert.Equal(index, File.ReadAllText(Path.Combine(_repository, ".release/registry/blue/index.json")));
    }

    [Fact]
    public void Without_an_image_it_says_what_to_set()
    {
        var (context, _) = CakeContexts.Create();

        var error = Assert.Throws<ReleaseException>(() => context.Retag(new RetagSettings { Tags = { "1.0.0" } }));

        Assert.StartsWith("Retag: no image given; set RetagSettings.Image", error.Message);
    }

    public void Dispose() => Directory.Delete(_repository, recursive: true);
}
