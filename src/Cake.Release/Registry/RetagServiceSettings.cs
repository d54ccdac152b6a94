using Cake.Core.IO;

namespace Cake.Release.Registry;

/// <summary>Settings for <see cref="RegistryAliases.RetagService"/>: a release.yaml service's image, found by tag or digest.</summary>
public sealed class RetagServiceSettings : ReleaseSettings
{
    /// <summary>The service (<c>--service</c>); its image is <c>registry/image</c> from release.yaml.</summary>
    public string Service { get; set; } = "";

    /// <summary>The tag the image is found by (<c>--from-tag</c>); give this or <see cref="Digest"/>.</summary>
    public string? FromTag { get; set; }

    /// <summary>The digest the image is found by (<c>--digest</c>); give this or <see cref="FromTag"/>.</summary>
    public string? Digest { get; set; }

    /// <summary>The tags to give it. The environments' <c>imageTag</c>s may move; every other tag is a version.</summary>
    public IList<string> Tags { get; } = new List<string>();

    /// <summary>Retries and timeouts for a registry.</summary>
    public RegistrySettings Registry { get; set; } = new();
}
