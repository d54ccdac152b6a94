namespace Cake.Release.Registry;

/// <summary>Opens the store an image reference points at: a registry over HTTP(S), or an OCI layout on disk.</summary>
public static class ImageStores
{
    /// <summary>
    /// The store holding <paramref name="location"/>'s repository. A relative <c>oci:</c> folder is taken from
    /// <paramref name="baseDirectory"/> (the repository root; default: the current directory). Registry credentials
    /// come from <paramref name="environment"/> (default: the process's variables) or the docker config.
    /// </summary>
    public static IImageStore Open(ImageReference location, RegistrySettings? settings = null, string? baseDirectory = null, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (location.IsOciLayout)
        {
            return new OciLayoutStore(LayoutRoot(location, baseDirectory));
        }

        var credential = RegistryCredentials.Find(location.Registry, environment ?? Environment.GetEnvironmentVariable);
        return new RegistryClient(location, credential, settings ?? new RegistrySettings());
    }

    /// <summary>
    /// The store for a reader that asks many tags and writes none (Status): as <see cref="Open"/>, except that an OCI
    /// layout's index is read once per repository, not once per tag asked.
    /// </summary>
    internal static IImageStore OpenToRead(ImageReference location, RegistrySettings? settings, string? baseDirectory, Func<string, string?>? environment) =>
        location.IsOciLayout ? new OciLayoutStore(LayoutRoot(location, baseDirectory)) { ReadsIndexOnce = true } : Open(location, settings, baseDirectory, environment);

    private static string LayoutRoot(ImageReference location, string? baseDirectory) =>
        Path.Combine(baseDirectory ?? Directory.GetCurrentDirectory(), location.LayoutRoot!);
}
