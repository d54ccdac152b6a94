using System.Runtime.InteropServices;
using System.Text.Json;
using Cake.Release.Registry;

namespace Cake.Release.Building;

/// <summary>
/// The built-in, daemonless builder: the service's build output folder (<c>output:</c>, default <c>dist</c>) as one
/// reproducible layer on <c>scratch</c>, with an OCI image config (labels, creation time = the commit's) and an OCI
/// manifest, written through the image store, so it works the same for a registry and for an <c>oci:</c> layout.
/// There is no Dockerfile: build arguments do not apply, and the image has no entrypoint of its own (the
/// deployment's <c>command</c> names the program).
/// </summary>
internal sealed class OciLayerBuilder(IImageStore store) : IImageBuilder
{
    public const string ConfigMediaType = "application/vnd.oci.image.config.v1+json";

    public string Name => "oci-layer";

    public async Task<string> BuildAndPushAsync(ImageBuildRequest request, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(request.OutputDirectory))
        {
            throw new ImageBuildException(request.Service.Name,
                $"the output folder {request.Service.OutputPath} is not there; run the service's build step first, or set services.{request.Service.Name}.output to the folder it writes", []);
        }

        var repository = request.Target.Repository;
        using var layer = LayerArchive.Pack(request.OutputDirectory, request.Created);
        var config = Config(request, layer.DiffId);
        var manifest = Manifest(config, layer);

        if (!await store.HasBlobAsync(repository, layer.Digest, cancellationToken).ConfigureAwait(false))
        {
            await using var content = layer.Open();
            await store.PutBlobAsync(repository, layer.Digest, content, cancellationToken).ConfigureAwait(false);
        }

        var configDigest = ImageDigest.Of(config);
        if (!await store.HasBlobAsync(repository, configDigest, cancellationToken).ConfigureAwait(false))
        {
            await store.PutBlobAsync(repository, configDigest, new MemoryStream(config, writable: false), cancellationToken).ConfigureAwait(false);
        }

        // Blobs before the manifest: a tag never names an image whose parts the store lacks.
        await store.PutManifestAsync(repository, request.Target.Tag, manifest, cancellationToken).ConfigureAwait(false);
        return manifest.Digest;
    }

    /// <summary>The image config: platform, labels, the one layer's diff id, and the commit's time.</summary>
    internal static byte[] Config(ImageBuildRequest request, string diffId)
    {
        var (os, architecture, variant) = Platform(request.Platform);
        var created = ImageLabels.Timestamp(request.Created);
        return Json(json =>
        {
            json.WriteStartObject();
            json.WriteString("created", created);
            json.WriteString("architecture", architecture);
            json.WriteString("os", os);
            if (variant is not null)
            {
                json.WriteString("variant", variant);
            }

            json.WriteStartObject("config");
            json.WriteStartObject("Labels");
            foreach (var (name, value) in request.Labels.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                json.WriteString(name, value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartObject("rootfs");
            json.WriteString("type", "layers");
            json.WriteStartArray("diff_ids");
            json.WriteStringValue(diffId);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartArray("history");
            json.WriteStartObject();
            json.WriteString("created", created);
            json.WriteString("created_by", $"cake-release oci-layer {request.Service.OutputPath}");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    internal static ImageManifest Manifest(byte[] config, LayerArchive layer) =>
        new(ManifestMediaTypes.OciManifest, Json(json =>
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 2);
            json.WriteString("mediaType", ManifestMediaTypes.OciManifest);
            json.WriteStartObject("config");
            json.WriteString("mediaType", ConfigMediaType);
            json.WriteString("digest", ImageDigest.Of(config));
            json.WriteNumber("size", config.LongLength);
            json.WriteEndObject();
            json.WriteStartArray("layers");
            json.WriteStartObject();
            json.WriteString("mediaType", LayerArchive.MediaType);
            json.WriteString("digest", layer.Digest);
            json.WriteNumber("size", layer.Size);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }));

    /// <summary><c>os/arch[/variant]</c>; without one, the machine's own, as docker and buildah default to.</summary>
    internal static (string Os, string Architecture, string? Variant) Platform(string? platform)
    {
        if (platform is not null)
        {
            var parts = platform.Split('/');
            return (parts[0], parts[1], parts.Length > 2 ? parts[2] : null);
        }

        var architecture = RuntimeInformation.OSArchitecture switch
        {
            Architecture.X64 => "amd64",
            Architecture.Arm64 => "arm64",
            Architecture.X86 => "386",
            Architecture.Arm => "arm",
            Architecture.S390x => "s390x",
            Architecture.Ppc64le => "ppc64le",
            var other => other.ToString().ToLowerInvariant(),
        };
        return ("linux", architecture, null);
    }

    // Compact, in the order written: the bytes are what the digest is of, so they must not depend on a serializer's whims.
    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(json);
        }

        return buffer.ToArray();
    }
}
