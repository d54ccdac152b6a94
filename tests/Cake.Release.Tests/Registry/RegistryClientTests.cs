using System.Text.Json;
using Cake.Release.Registry;

namespace Cake.Release.Tests.Registry;

public sealed class RegistryClientTests : RegistryTestBase
{
    private static readonly HashSet<string> Environments = ["dev", "stg", "prd"];

    [Fact]
    public async Task A_pushed_manifest_reads_back_byte_for_byte_and_skopeo_agrees_on_its_digest()
    {
        using var store = Open();
        var pushed = await FixtureImages.PushImageAsync(store, "acme/blue", "sha-3f2c1ab");

        var read = await store.GetManifestAsync("acme/blue", "sha-3f2c1ab");
        var resolved = await store.ResolveAsync("acme/blue", "sha-3f2c1ab");

        Assert.Equal(pushed.Content, read.Content);
        Assert.Equal(ManifestMediaTypes.OciManifest, read.MediaType);
        Assert.Equal(pushed.Descriptor, resolved);
        Assert.Equal(pushed.Digest, Skopeo.DigestOf(Docker("acme/blue:sha-3f2c1ab")));
    }

    [Fact]
    public async Task Retag_of_a_single_manifest_keeps_the_digest_skopeo_reads()
    {
        using var store = Open();
        await FixtureImages.PushImageAsync(store, "acme/blue", "sha-3f2c1ab");
        var before = Skopeo.DigestOf(Docker("acme/blue:sha-3f2c1ab"));

        var result = await ImageRetagger.RetagAsync(store, Image("acme/blue:sha-3f2c1ab"), ["1.6.0", "stg"], Environments, dryRun: false);

        Assert.Equal(before, result.Digest);
        Assert.Equal(before, Skopeo.DigestOf(Docker("acme/blue:1.6.0")));
        Assert.Equal(before, Skopeo.DigestOf(Docker("acme/blue:stg")));
        Assert.All(result.Changes, change => Assert.Equal(TagAction.Created, change.Action));
    }

    [Fact]
    public async Task Retag_of_a_multi_arch_index_keeps_its_digest_and_every_platform()
    {
        using var store = Open();
        var index = await FixtureImages.PushIndexAsync(store, "acme/blue", "sha-3f2c1ab");
        var before = Skopeo.DigestOf(Docker("acme/blue:sha-3f2c1ab"));

        var result = await ImageRetagger.RetagAsync(store, Image("acme/blue:sha-3f2c1ab"), ["1.6.0"], Environments, dryRun: false);

        var after = Skopeo.InspectRaw(Docker("acme/blue:1.6.0"));
        Assert.Equal(before, ImageDigest.Of(after));
        Assert.Equal(index.Digest, result.Digest);
        Assert.Equal(ManifestMediaTypes.OciIndex, result.MediaType);
        using var document = JsonDocument.Parse(after);
        var platforms = document.RootElement.GetProperty("manifests").EnumerateArray()
            .Select(m => m.GetProperty("platform").GetProperty("architecture").GetString()).Order().ToList();
        Assert.Equal(["amd64", "arm64"], platforms);
        foreach (var platform in document.RootElement.GetProperty("manifests").EnumerateArray())
        {
            Assert.NotNull(await store.ResolveAsync("acme/blue", platform.GetProperty("digest").GetString()!));
        }
    }

    [Fact]
    public async Task Retag_by_digest_again_has_nothing_to_do_and_an_environment_tag_moves()
    {
        using var store = Open();
        var first = await FixtureImages.PushImageAsync(store, "acme/blue", "sha-1111111", "amd64", 10);
        var second = await FixtureImages.PushImageAsync(store, "acme/blue", "sha-2222222", "amd64", 20);
        await ImageRetagger.RetagAsync(store, Image($"acme/blue@{first.Digest}"), ["1.0.0", "stg"], Environments, dryRun: false);

        var again = await ImageRetagger.RetagAsync(store, Image($"acme/blue@{first.Digest}"), ["1.0.0", "stg"], Environments, dryRun: false);
        var moved = await ImageRetagger.RetagAsync(store, Image("acme/blue:sha-2222222"), ["1.1.0", "stg"], Environments, dryRun: false);

        Assert.True(again.NothingToDo);
        Assert.Equal(new TagChange("stg", TagAction.Moved, first.Digest), moved.Changes.Single(c => c.Tag == "stg"));
        Assert.Equal(second.Digest, Skopeo.DigestOf(Docker("acme/blue:stg")));
        Assert.Equal(first.Digest, Skopeo.DigestOf(Docker("acme/blue:1.0.0")));
    }

    [Fact]
    public async Task Pointing_a_version_tag_at_another_digest_is_refused_and_no_tag_changes()
    {
        using var store = Open();
        var released = await FixtureImages.PushImageAsync(store, "acme/blue", "1.6.0", "amd64", 10);
        await FixtureImages.PushImageAsync(store, "acme/blue", "sha-2222222", "amd64", 20);

        var error = await Assert.ThrowsAsync<ReleaseException>(() =>
            ImageRetagger.RetagAsync(store, Image("acme/blue:sha-2222222"), ["stg", "1.6.0"], Environments, dryRun: false));

        Assert.Contains($"{Registry.Host}/acme/blue:1.6.0 already names {released.Digest}", error.Message);
        Assert.Equal(released.Digest, Skopeo.DigestOf(Docker("acme/blue:1.6.0")));
        Assert.DoesNotContain("stg", await store.ListTagsAsync("acme/blue"));
    }

    [Fact]
    public async Task A_dry_run_changes_no_tag()
    {
        using var store = Open();
        await FixtureImages.PushImageAsync(store, "acme/blue", "sha-3f2c1ab");

        var result = await ImageRetagger.RetagAsync(store, Image("acme/blue:sha-3f2c1ab"), ["1.6.0"], Environments, dryRun: true);

        Assert.Equal(TagAction.Created, result.Changes.Single().Action);
        Assert.Equal(["sha-3f2c1ab"], await store.ListTagsAsync("acme/blue"));
    }

    [Fact]
    public async Task The_tag_list_follows_the_registrys_pages()
    {
        using var client = new RegistryClient(Image(), null, Quick()) { TagPageSize = 2 };
        var image = await FixtureImages.PushImageAsync(client, "acme/blue", "a");
        foreach (var tag in new[] { "b", "c", "d", "e" })
        {
            await client.PutManifestAsync("acme/blue", tag, image);
        }

        Assert.Equal(["a", "b", "c", "d", "e"], (await client.ListTagsAsync("acme/blue")).Order());
        Assert.Empty(await client.ListTagsAsync("acme/nothing-here"));
    }

    [Fact]
    public async Task A_blob_is_mounted_from_another_repository_without_sending_it()
    {
        using var store = Open();
        var image = await FixtureImages.PushImageAsync(store, "acme/blue", "1.0.0");
        var config = JsonDocument.Parse(image.Content).RootElement.GetProperty("config").GetProperty("digest").GetString()!;

        Assert.False(await store.HasBlobAsync("acme/green", config));
        Assert.True(await store.MountBlobAsync("acme/green", config, "acme/blue"));
        Assert.True(await store.HasBlobAsync("acme/green", config));
        Assert.False(await store.MountBlobAsync("acme/green", ImageDigest.Of("absent"u8), "acme/blue"));
    }

    [Fact]
    public async Task An_unknown_tag_is_one_line_naming_the_reference()
    {
        using var store = Open();
        await FixtureImages.PushImageAsync(store, "acme/blue", "1.0.0");

        var error = await Assert.ThrowsAsync<ReleaseException>(() => store.GetManifestAsync("acme/blue", "9.9.9"));

        Assert.Equal($"{Registry.Host}/acme/blue:9.9.9: not found in registry {Registry.Host} (MANIFEST_UNKNOWN); check the repository, tag or digest.", error.Message);
        Assert.Null(await store.ResolveAsync("acme/blue", "9.9.9"));
    }

    [Fact]
    public async Task A_registry_stopped_mid_operation_is_retried_then_gives_a_clear_error()
    {
        using var store = Open(Quick(attempts: 3));
        await FixtureImages.PushImageAsync(store, "acme/blue", "sha-3f2c1ab");
        Registry.Stop();

        var error = await Assert.ThrowsAsync<ReleaseException>(() =>
            ImageRetagger.RetagAsync(store, Image("acme/blue:sha-3f2c1ab"), ["1.6.0"], Environments, dryRun: false));

        Assert.StartsWith($"{Registry.Host}/acme/blue:sha-3f2c1ab: registry {Registry.Host} failed 3 attempt(s), the last with: ", error.Message);
        Assert.EndsWith("check that it is running and reachable, then run again.", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task A_registry_that_comes_back_while_retrying_completes_the_retag()
    {
        using var store = Open(new RegistrySettings { MaxAttempts = 100, InitialDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(100) });
        var image = await FixtureImages.PushImageAsync(store, "acme/blue", "sha-3f2c1ab");
        Registry.Stop();

        var restart = Task.Run(async () =>
        {
            await Task.Delay(300);
            Registry.Run();
        });
        var result = await ImageRetagger.RetagAsync(store, Image("acme/blue:sha-3f2c1ab"), ["1.6.0"], Environments, dryRun: false);
        await restart;

        Assert.Equal(image.Digest, Skopeo.DigestOf(Docker("acme/blue:1.6.0")));
        Assert.Equal(image.Digest, result.Digest);
    }
}
