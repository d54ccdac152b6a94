using System.Text.Json;
using Cake.Release.Registry;

namespace Cake.Release.Tests.Registry;

public sealed class OciLayoutStoreTests : RegistryTestBase
{
    private static readonly HashSet<string> Environments = ["stg"];
    private readonly string _root = Directory.CreateTempSubdirectory("cake-release-oci-").FullName;

    private IImageStore Layout() => ImageStores.Open(ImageReference.Parse($"oci:{_root}/blue"));

    [Fact]
    public async Task Tags_live_in_index_json_as_ref_name_annotations_beside_the_blobs()
    {
        using var store = Layout();
        var image = await FixtureImages.PushImageAsync(store, "blue", "sha-3f2c1ab");

        var result = await ImageRetagger.RetagAsync(store, ImageReference.Parse($"oci:{_root}/blue:sha-3f2c1ab"), ["1.6.0", "stg"], Environments, dryRun: false);

        Assert.Equal(image.Digest, result.Digest);
        Assert.Equal(["1.6.0", "sha-3f2c1ab", "stg"], (await store.ListTagsAsync("blue")).Order());
        Assert.Equal("""{"imageLayoutVersion":"1.0.0"}""", File.ReadAllText(Path.Combine(_root, "blue", "oci-layout")));
        using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(_root, "blue", "index.json")));
        var entries = index.RootElement.GetProperty("manifests").EnumerateArray().ToList();
        Assert.All(entries, e => Assert.Equal(image.Digest, e.GetProperty("digest").GetString()));
        Assert.Equal(image.Content, File.ReadAllBytes(Path.Combine(_root, "blue", "blobs", "sha256", ImageDigest.Hex(image.Digest))));
        Assert.Empty(Directory.GetFiles(_root, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Skopeo_reads_the_layout_we_write_including_an_index_with_every_platform()
    {
        using var store = Layout();
        var image = await FixtureImages.PushImageAsync(store, "blue", "1.0.0");
        var index = await FixtureImages.PushIndexAsync(store, "blue", "multi");

        Assert.Equal(image.Digest, Skopeo.DigestOf($"oci:{_root}/blue:1.0.0"));
        Assert.Equal(index.Digest, Skopeo.DigestOf($"oci:{_root}/blue:multi"));
        // skopeo also reads the config and layers: a copy into the registry checks every blob's digest.
        Skopeo.Copy($"oci:{_root}/blue:multi", Docker("acme/blue:multi"), "--all", "--preserve-digests");
        Assert.Equal(index.Digest, Skopeo.DigestOf(Docker("acme/blue:multi")));
    }

    [Fact]
    public async Task We_read_the_layout_skopeo_writes()
    {
        using (var registry = Open())
        {
            await FixtureImages.PushIndexAsync(registry, "acme/blue", "1.0.0");
        }

        var pushed = Skopeo.DigestOf(Docker("acme/blue:1.0.0"));
        Skopeo.Copy(Docker("acme/blue:1.0.0"), $"oci:{_root}/copied:1.0.0", "--all", "--preserve-digests");
        using var store = Layout();

        var manifest = await store.GetManifestAsync("copied", "1.0.0");
        var retag = await ImageRetagger.RetagAsync(store, ImageReference.Parse($"oci:{_root}/copied:1.0.0"), ["stg"], Environments, dryRun: false);

        Assert.Equal(pushed, manifest.Digest);
        Assert.Equal(ManifestMediaTypes.OciIndex, manifest.MediaType);
        Assert.Equal(pushed, retag.Digest);
        Assert.Equal(pushed, Skopeo.DigestOf($"oci:{_root}/copied:stg"));
    }

    [Fact]
    public async Task Concurrent_writers_lose_no_tag()
    {
        ImageManifest image;
        using (var store = Layout())
        {
            image = await FixtureImages.PushImageAsync(store, "blue", "base");
        }

        // A store each, as separate pipelines would have; the lock file is what keeps them apart.
        var tags = Enumerable.Range(1, 24).Select(i => $"1.0.{i}").ToList();
        await Task.WhenAll(tags.Select(tag => Task.Run(async () =>
        {
            using var writer = Layout();
            await writer.PutManifestAsync("blue", tag, image);
        })));

        using var reader = Layout();
        Assert.Equal(tags.Append("base").Order(), (await reader.ListTagsAsync("blue")).Order());
    }

    [Fact]
    public async Task A_tag_moved_in_a_layout_leaves_its_old_entry_and_names_the_new_digest()
    {
        using var store = Layout();
        var first = await FixtureImages.PushImageAsync(store, "blue", "stg", "amd64", 10);
        var second = await FixtureImages.PushImageAsync(store, "blue", "sha-2222222", "amd64", 20);

        await store.PutManifestAsync("blue", "stg", second);

        Assert.Equal(second.Digest, (await store.ResolveAsync("blue", "stg"))?.Digest);
        Assert.Equal(first.Digest, (await store.ResolveAsync("blue", first.Digest))?.Digest);
        Assert.Equal(["sha-2222222", "stg"], (await store.ListTagsAsync("blue")).Order());
    }

    [Fact]
    public async Task An_unknown_tag_is_one_line_naming_the_layout_and_the_tags_it_has()
    {
        using var store = Layout();
        await FixtureImages.PushImageAsync(store, "blue", "1.0.0");

        var error = await Assert.ThrowsAsync<ReleaseException>(() => store.GetManifestAsync("blue", "2.0.0"));

        Assert.Equal($"oci:{_root}/blue:2.0.0: not found in the OCI layout {_root}/blue; check the tag or digest (tags there: 1.0.0).", error.Message);
    }

    public override void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        base.Dispose();
    }
}
