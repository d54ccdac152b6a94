using System.Globalization;

namespace Cake.Release.Building;

/// <summary>
/// The OCI annotations every image of a build carries as labels, whatever the builder: which commit, where its
/// source lives, and when. The time is the commit's, not the clock's, so building the same commit again gives the
/// same labels (and, with a reproducible builder, the same digest).
/// </summary>
internal static class ImageLabels
{
    public const string Revision = "org.opencontainers.image.revision";
    public const string Source = "org.opencontainers.image.source";
    public const string Created = "org.opencontainers.image.created";

    /// <summary>The labels, sorted by name; <paramref name="remoteUrl"/> may be null (no remote), and then there is no source label.</summary>
    public static IReadOnlyDictionary<string, string> For(string commit, DateTimeOffset commitTime, string? remoteUrl)
    {
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [Created] = Timestamp(commitTime),
            [Revision] = commit,
        };
        if (remoteUrl is not null && SourceUrl(remoteUrl) is { Length: > 0 } source)
        {
            labels[Source] = source;
        }

        return labels;
    }

    /// <summary>RFC 3339 in UTC to the second, as the OCI annotation asks.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// The remote's URL without what a user may have put in it to authenticate (<c>https://user:token@host/…</c> →
    /// <c>https://host/…</c>): a label is public to everyone who can pull the image. scp-style addresses
    /// (<c>git@host:org/repo.git</c>) name a login, not a secret, and become <c>https://host/org/repo</c>, the form
    /// registries link to.
    /// </summary>
    public static string SourceUrl(string remoteUrl)
    {
        var url = remoteUrl.Trim();
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0)
        {
            var rest = url[(scheme + 3)..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var authority = slash < 0 ? rest : rest[..slash];
            var at = authority.LastIndexOf('@');
            var host = at < 0 ? authority : authority[(at + 1)..];
            var schemeName = url[..scheme].ToLowerInvariant();
            // ssh:// and git:// addresses are not browsable; their host and path are, over https.
            var shown = schemeName is "http" or "https" or "file" ? schemeName : "https";
            return $"{shown}://{host}{(slash < 0 ? "" : rest[slash..])}";
        }

        var colon = url.IndexOf(':', StringComparison.Ordinal);
        var atSign = url.IndexOf('@', StringComparison.Ordinal);
        if (colon > 0 && atSign >= 0 && atSign < colon && !url[..colon].Contains('/', StringComparison.Ordinal))
        {
            var path = url[(colon + 1)..].TrimStart('/');
            return $"https://{url[(atSign + 1)..colon]}/{(path.EndsWith(".git", StringComparison.Ordinal) ? path[..^4] : path)}";
        }

        // A local path (a bare repository on disk): nothing secret in it, and nothing better to say.
        return url;
    }
}
