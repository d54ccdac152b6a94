namespace Cake.Release.Manifests;

/// <summary>
/// What an edited overlay must render for a deployment to be true: every container of the service with the release's
/// digest (or, without one, its tag). Checked on what <c>kubectl kustomize</c> prints, before anything is pushed.
/// </summary>
/// <param name="Overlay">The overlay folder, relative to the repository root.</param>
/// <param name="Service">The service deployed.</param>
/// <param name="ImageNames">The image names (without tag or digest) that mark a rendered container as the service's.</param>
/// <param name="Version">The version, which is the image tag.</param>
/// <param name="Digest">The digest, when known.</param>
public sealed record OverlayRelease(string Overlay, string Service, IReadOnlySet<string> ImageNames, string Version, string? Digest)
{
    /// <summary>The one-line reason the rendered objects do not run the release, or null when every container of the service does.</summary>
    /// <param name="rendered">The containers of the rendered overlay (<see cref="ContainerImages.In"/>).</param>
    public string? Problem(IReadOnlyList<ContainerImage> rendered)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        var containers = rendered.Where(container => ImageNames.Contains(container.Name)).ToList();
        var release = Digest is null ? $"{Service}:{Version}" : $"{Service}:{Version} ({Digest})";
        if (containers.Count == 0)
        {
            return $"{Overlay} renders no container of {Service} (images named {string.Join(", ", ImageNames.Order(StringComparer.Ordinal))}), so its images: entry would deploy nothing; point the overlay's resources at the image, or remove the overlay from this environment's updates: in release.yaml.";
        }

        var wrong = containers.FirstOrDefault(container => !Runs(container.Image));
        return wrong is null ? null
            : $"{Overlay} would not run {release}: kubectl kustomize renders container {wrong.Container} of {wrong.Workload} as {wrong.Image}; something in the overlay overrides its images: entry (a patch, a transformer, an entry of another name), so fix that and run again.";
    }

    private bool Runs(string image)
    {
        var at = image.IndexOf('@', StringComparison.Ordinal);
        var digest = at < 0 ? null : image[(at + 1)..];
        if (Digest is not null)
        {
            return digest == Digest;
        }

        var name = ContainerImage.NameOf(image);
        var reference = at < 0 ? image : image[..at];
        return digest is null && reference.Length > name.Length && reference[(name.Length + 1)..] == Version;
    }
}
