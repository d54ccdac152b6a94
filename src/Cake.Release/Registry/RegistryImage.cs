using System.Text.Json;

namespace Cake.Release.Registry;

/// <summary>
/// An image as the registry holds it in one repository: its digest, and the source revision it says it was built
/// from (the <c>org.opencontainers.image.revision</c> annotation or label every builder of this package sets).
/// </summary>
/// <param name="Digest">The manifest (or index) digest.</param>
/// <param name="Revision">The revision the image records, or null when it records none.</param>
internal sealed record RegistryImage(string Digest, string? Revision)
{
    private const string RevisionKey = "org.opencontainers.image.revision";

    /// <summary>The image <paramref name="reference"/> (a tag or a digest) names in <paramref name="repository"/>, or null when it names none there.</summary>
    public static async Task<RegistryImage?> FindAsync(IImageStore store, string repository, string reference, CancellationToken cancellationToken = default)
    {
        if (await store.ResolveAsync(repository, reference, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return null;
        }

        return new RegistryImage(found.Digest, await RevisionAsync(store, repository, found.Digest, cancellationToken).ConfigureAwait(false));
    }

    // The manifest's annotation first, then the config's label; an index is read through its first image, since
    // every platform of one build comes from the same commit.
    private static async Task<string?> RevisionAsync(IImageStore store, string repository, string digest, CancellationToken cancellationToken)
    {
        var manifest = await store.GetManifestAsync(repository, digest, cancellationToken).ConfigureAwait(false);
        using var document = JsonDocument.Parse(manifest.Content);
        var root = document.RootElement;
        if (Value(root, "annotations", RevisionKey) is { } annotated)
        {
            return annotated;
        }

        if (ManifestMediaTypes.IsIndex(manifest.MediaType))
        {
            return root.TryGetProperty("manifests", out var images) && images.ValueKind == JsonValueKind.Array && images.GetArrayLength() > 0
                && images[0].TryGetProperty("digest", out var first) && first.GetString() is { } image
                ? await RevisionAsync(store, repository, image, cancellationToken).ConfigureAwait(false)
                : null;
        }

        if (Value(root, "config", "digest") is not { } config)
        {
            return null;
        }

        using var configuration = JsonDocument.Parse(await store.GetBlobAsync(repository, config, cancellationToken).ConfigureAwait(false));
        return configuration.RootElement.TryGetProperty("config", out var runtime) ? Value(runtime, "Labels", RevisionKey) : null;
    }

    private static string? Value(JsonElement element, string property, string key) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var inner) && inner.ValueKind == JsonValueKind.Object
        && inner.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
