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
            return new OciLayoutStore(Path.Combine(baseDirectory ?? Directory.GetCurrentDirectory(), location.LayoutRoot!));
        }

        var credential = RegistryCredentials.Find(location.Registry, environment ?? Environment.GetEnvironmentVariable);
        return new RegistryClient(location, credential, settings ?? new RegistrySettings());
    }
}
