using Cake.Release.Manifests;
using Cake.Release.Versioning;

namespace Cake.Release.Reporting;

/// <summary>The drift rules of the status matrix, one per mark, on manifest entries and registry answers only.</summary>
public static class DriftRules
{
    /// <summary>
    /// Whether an environment is behind its <c>from</c> for one service: the source runs it and the environment does
    /// not at all; or the source runs another digest and a newer release of it. Newer means a greater version core
    /// (major.minor.patch) when both versions are SemVer (so <c>1.6.0-rc.2</c> in staging is not ahead of
    /// <c>1.6.0</c> in production: pre-releases of a core are the way to it, not past it), else a later deployment,
    /// since build tags such as <c>sha-3f2c1a2</c> carry no order of their own.
    /// </summary>
    /// <param name="entry">What runs in the environment, or null when the service does not run there.</param>
    /// <param name="source">What runs in the environment it is promoted from, or null.</param>
    public static bool IsBehind(ManifestEntry? entry, ManifestEntry? source)
    {
        if (source is null)
        {
            return false;
        }

        if (entry is null)
        {
            return true;
        }

        if (string.Equals(source.Digest, entry.Digest, StringComparison.Ordinal))
        {
            return false;
        }

        return ReleaseVersion.TryParse(source.Version, out var newer, out _) && ReleaseVersion.TryParse(entry.Version, out var running, out _)
            ? Precedence.SemVer.Compare(ReleaseVersion.Core(newer!), ReleaseVersion.Core(running!)) > 0
            : source.Deployed > entry.Deployed;
    }

    /// <summary>
    /// Whether the source environment runs a newer configuration of the service: the commits its configuration comes
    /// from differ, and this environment's is in the history of the source's (a rollback in the source is not newer).
    /// </summary>
    /// <param name="entry">What runs in the environment.</param>
    /// <param name="source">What runs in the environment it is promoted from.</param>
    /// <param name="isAncestor">Whether the first commit is in the history of the second.</param>
    public static bool IsConfigurationBehind(ManifestEntry? entry, ManifestEntry? source, Func<string, string, bool> isAncestor)
    {
        ArgumentNullException.ThrowIfNull(isAncestor);
        return entry?.Source is { } running && source?.Source is { } newer && running != newer && isAncestor(running, newer);
    }

    /// <summary>
    /// Whether the registry's tag for the entry's version names another digest than the entry records. A tag that
    /// does not exist, or an entry without a digest, names nothing to disagree with.
    /// </summary>
    /// <param name="entry">What the manifest says runs.</param>
    /// <param name="versionTagDigest">The digest the tag <c>{image}:{version}</c> resolves to, or null when there is no such tag.</param>
    public static bool IsDigestMismatch(ManifestEntry entry, string? versionTagDigest)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Digest is not null && versionTagDigest is not null && !string.Equals(entry.Digest, versionTagDigest, StringComparison.Ordinal);
    }
}
