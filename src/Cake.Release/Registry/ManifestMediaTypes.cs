namespace Cake.Release.Registry;

/// <summary>The four manifest media types a registry serves for an image, and which of them list other manifests.</summary>
public static class ManifestMediaTypes
{
    /// <summary>An OCI image manifest.</summary>
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";

    /// <summary>An OCI image index (multi-platform).</summary>
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";

    /// <summary>A Docker image manifest, schema 2.</summary>
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";

    /// <summary>A Docker manifest list (multi-platform).</summary>
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";

    /// <summary>All four, for the <c>Accept</c> header: without it a registry may convert the manifest and change its digest.</summary>
    public static IReadOnlyList<string> All { get; } = [OciIndex, OciManifest, DockerManifestList, DockerManifest];

    /// <summary>True for an index or a manifest list, whose entries are other manifests rather than layers.</summary>
    public static bool IsIndex(string mediaType) => mediaType is OciIndex or DockerManifestList;
}
