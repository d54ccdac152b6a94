using Cake.Core.Diagnostics;
using Cake.Release.Manifests;
using Cake.Release.Registry;

namespace Cake.Release.Reporting;

/// <summary>
/// Reads, for each manifest entry, the digest its version tag names, the way a promotion reads a tag
/// (Promotion.PromotedImage). A registry that cannot be read is reported once, with a warning, and not asked
/// again in the same run: every entry in it is unverified, and the run goes on, since a status report that fails
/// when the registry is down would fail exactly when it is wanted.
/// </summary>
internal sealed class VersionTags(RegistrySettings settings, string baseDirectory, Func<string, string?> environment, ICakeLog log) : IDisposable
{
    private readonly Dictionary<string, IImageStore> _stores = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _unreadable = new(StringComparer.Ordinal);

    /// <summary>
    /// The reading of <paramref name="entry"/>'s version tag. The manifest names the repository it ran from; the
    /// configuration's reference to it (<paramref name="configured"/>) is used when it is the same repository,
    /// since it keeps what the name alone loses (an explicit <c>http://</c> for a plain-HTTP registry).
    /// </summary>
    public VersionTagReading Read(ImageReference configured, ManifestEntry entry)
    {
        var named = entry.Image ?? throw new ArgumentException("a chart-only entry names no image to read a tag of", nameof(entry));
        ImageReference image;
        try
        {
            image = configured.Name == named ? configured : ImageReference.Parse(named);
        }
        catch (ReleaseException e)
        {
            return Unreadable(named, $"the image '{named}' in a manifest does not read ({e.Message}), so its digest was not checked", remember: false);
        }

        if (_unreadable.TryGetValue(image.Registry, out var known))
        {
            return VersionTagReading.Unreadable(known);
        }

        if (!ImageReference.IsValidTag(entry.Version))
        {
            return Unreadable(image.Name, $"the version '{entry.Version}' of {image.Name} is not a valid image tag, so its digest was not checked", remember: false);
        }

        try
        {
            if (!_stores.TryGetValue(image.Registry, out var store))
            {
                store = ImageStores.OpenToRead(image, settings, baseDirectory, environment);
                _stores[image.Registry] = store;
            }

            return VersionTagReading.Read(store.ResolveAsync(image.Repository, entry.Version).GetAwaiter().GetResult()?.Digest);
        }
        catch (Exception e) when (e is ReleaseException or HttpRequestException or IOException or UnauthorizedAccessException or TaskCanceledException)
        {
            return Unreadable(image.Registry, $"the registry {image.Registry} could not be read ({e.Message}); its entries are marked unverified", remember: true);
        }
    }

    public void Dispose()
    {
        foreach (var store in _stores.Values)
        {
            store.Dispose();
        }
    }

    private VersionTagReading Unreadable(string key, string problem, bool remember)
    {
        if (remember)
        {
            _unreadable[key] = problem;
        }

        log.Warning("Status: {0}.", problem);
        return VersionTagReading.Unreadable(problem);
    }
}
