using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Cake.Release.Registry;

namespace Cake.Release.Tests.Registry;

/// <summary>Images built from scratch and pushed through an <see cref="IImageStore"/>: nothing comes from the internet.</summary>
public static class FixtureImages
{
    /// <summary>
    /// A one-layer OCI image for <paramref name="architecture"/>, whose layer holds a file of <paramref name="fileBytes"/>
    /// bytes; with <paramref name="revision"/>, labelled with it as the builders label their images.
    /// </summary>
    public static async Task<ImageManifest> PushImageAsync(IImageStore store, string repository, string? tag, string architecture = "amd64", int fileBytes = 32, string? revision = null)
    {
        var tar = Tar(architecture, fileBytes);
        var layer = Gzip(tar);
        var labels = revision is null ? "" : $$$"""{"Labels":{"org.opencontainers.image.revision":"{{{revision}}}"}}""";
        var config = Encoding.UTF8.GetBytes(
            $$$"""{"architecture":"{{{architecture}}}","os":"linux","config":{{{(labels.Length == 0 ? "{}" : labels)}}},"rootfs":{"type":"layers","diff_ids":["{{{ImageDigest.Of(tar)}}}"]}}""");
        await store.PutBlobAsync(repository, ImageDigest.Of(config), new MemoryStream(config));
        await store.PutBlobAsync(repository, ImageDigest.Of(layer), new MemoryStream(layer));
        var manifest = new ImageManifest(ManifestMediaTypes.OciManifest, Encoding.UTF8.GetBytes(
            $$"""
            {"schemaVersion":2,"mediaType":"{{ManifestMediaTypes.OciManifest}}",
             "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"{{ImageDigest.Of(config)}}","size":{{config.Length}}},
             "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"{{ImageDigest.Of(layer)}}","size":{{layer.Length}}}]}
            """));
        await store.PutManifestAsync(repository, tag, manifest);
        return manifest;
    }

    /// <summary>A multi-arch index over an amd64 and an arm64 image, each pushed by digest only.</summary>
    public static async Task<ImageManifest> PushIndexAsync(IImageStore store, string repository, string tag)
    {
        var entries = new List<string>();
        foreach (var architecture in new[] { "amd64", "arm64" })
        {
            var image = await PushImageAsync(store, repository, null, architecture);
            entries.Add($$$"""{"mediaType":"{{{image.MediaType}}}","digest":"{{{image.Digest}}}","size":{{{image.Content.Length}}},"platform":{"architecture":"{{{architecture}}}","os":"linux"}}""");
        }

        var index = new ImageManifest(ManifestMediaTypes.OciIndex, Encoding.UTF8.GetBytes(
            $$"""{"schemaVersion":2,"mediaType":"{{ManifestMediaTypes.OciIndex}}","manifests":[{{string.Join(",", entries)}}]}"""));
        await store.PutManifestAsync(repository, tag, index);
        return index;
    }

    private static byte[] Tar(string architecture, int fileBytes)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            var content = new byte[fileBytes];
            new Random(fileBytes ^ architecture.GetHashCode(StringComparison.Ordinal)).NextBytes(content);
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, $"{architecture}.bin") { DataStream = new MemoryStream(content) });
        }

        return buffer.ToArray();
    }

    private static byte[] Gzip(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return buffer.ToArray();
    }
}
