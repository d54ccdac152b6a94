namespace Cake.Release.Registry;

/// <summary>
/// What the release flow needs from wherever images live, a registry or an OCI layout on disk: find a manifest,
/// put the same bytes under another tag, list tags, and move blobs between repositories of one store.
/// Repositories are paths inside the store (<c>acme/blue</c>); references are a tag or a digest.
/// </summary>
public interface IImageStore : IDisposable
{
    /// <summary>The manifest's descriptor, or null when the tag or digest names nothing.</summary>
    Task<ManifestDescriptor?> ResolveAsync(string repository, string reference, CancellationToken cancellationToken = default);

    /// <summary>The manifest's exact bytes; a tag or digest that names nothing is a <see cref="ReleaseException"/>.</summary>
    Task<ImageManifest> GetManifestAsync(string repository, string reference, CancellationToken cancellationToken = default);

    /// <summary>Stores the exact bytes under <paramref name="tag"/> (or untagged when null), with the same media type.</summary>
    Task PutManifestAsync(string repository, string? tag, ImageManifest manifest, CancellationToken cancellationToken = default);

    /// <summary>Every tag in the repository; empty when the repository does not exist.</summary>
    Task<IReadOnlyList<string>> ListTagsAsync(string repository, CancellationToken cancellationToken = default);

    /// <summary>True when the repository holds the blob.</summary>
    Task<bool> HasBlobAsync(string repository, string digest, CancellationToken cancellationToken = default);

    /// <summary>A blob's bytes (an image config), checked against its digest; a blob the repository lacks is a <see cref="ReleaseException"/>.</summary>
    Task<byte[]> GetBlobAsync(string repository, string digest, CancellationToken cancellationToken = default);

    /// <summary>Uploads a blob; <paramref name="content"/> must be seekable so a retried upload can start over.</summary>
    Task PutBlobAsync(string repository, string digest, Stream content, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes a blob of <paramref name="fromRepository"/> part of <paramref name="repository"/> without sending its
    /// bytes; false when the store cannot, and the caller uploads it instead.
    /// </summary>
    Task<bool> MountBlobAsync(string repository, string digest, string fromRepository, CancellationToken cancellationToken = default);
}
