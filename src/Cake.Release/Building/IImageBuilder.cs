namespace Cake.Release.Building;

/// <summary>What BuildOnce needs from a builder: build this service at this commit into this image reference, push it, and say its digest.</summary>
internal interface IImageBuilder
{
    /// <summary>The builder's name in release.yaml (<c>buildah</c>, <c>oci-layer</c>), for log lines.</summary>
    string Name { get; }

    /// <summary>Builds and pushes; returns the pushed manifest's digest. A failure is an <see cref="ImageBuildException"/>.</summary>
    Task<string> BuildAndPushAsync(ImageBuildRequest request, CancellationToken cancellationToken = default);
}
