namespace Cake.Release.Registry;

/// <summary>
/// A manifest as the registry stores it: its exact bytes, their media type and digest. The bytes are never
/// re-serialised, so putting them under another tag keeps the digest.
/// </summary>
/// <param name="MediaType">The Content-Type the manifest was served with, and must be put with.</param>
/// <param name="Content">The exact bytes.</param>
public sealed record ImageManifest(string MediaType, byte[] Content)
{
    /// <summary>sha256 of <see cref="Content"/>.</summary>
    public string Digest { get; } = ImageDigest.Of(Content);

    /// <summary>What an index or a tag entry records about this manifest.</summary>
    public ManifestDescriptor Descriptor => new(MediaType, Digest, Content.LongLength);
}

/// <summary>What a registry tells about a manifest without sending it: media type, digest and size.</summary>
/// <param name="MediaType">The manifest's media type.</param>
/// <param name="Digest">sha256 of its bytes.</param>
/// <param name="Size">Its length in bytes.</param>
public sealed record ManifestDescriptor(string MediaType, string Digest, long Size);
