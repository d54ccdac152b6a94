namespace Cake.Release.Reporting;

/// <summary>What the registry said about an entry's version tag (<c>{image}:{version}</c>).</summary>
/// <param name="Digest">The digest the tag names, or null when the tag does not exist (or the registry was not read).</param>
/// <param name="Problem">Why the registry could not be read, or null when it was: a problem marks the entry unverified.</param>
public sealed record VersionTagReading(string? Digest, string? Problem = null)
{
    /// <summary>The registry answered: the tag names <paramref name="digest"/>, or nothing.</summary>
    /// <param name="digest">The digest, or null when the tag does not exist.</param>
    public static VersionTagReading Read(string? digest) => new(digest);

    /// <summary>The registry could not be read.</summary>
    /// <param name="problem">Why, for the one warning the run logs.</param>
    public static VersionTagReading Unreadable(string problem) => new(null, problem);
}
