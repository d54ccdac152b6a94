namespace Cake.Release.Changelog;

/// <summary>The two link definitions a release writes: <c>[unreleased]</c> (from its tag to HEAD) and its own (from the previous tag to its tag).</summary>
/// <param name="Unreleased">The URL for <c>[unreleased]</c>.</param>
/// <param name="Release">The URL for <c>[version]</c>.</param>
public sealed record ReleaseLinks(string Unreleased, string Release)
{
    /// <summary>The links for a release tagged <paramref name="tag"/> after <paramref name="previousTag"/> (null for a first release).</summary>
    /// <param name="links">The host's link shapes.</param>
    /// <param name="previousTag">The tag of the release the section is compared with.</param>
    /// <param name="tag">The new release's tag.</param>
    public static ReleaseLinks For(CompareLinks links, string? previousTag, string tag) =>
        new(links.Compare(tag, "HEAD"), previousTag is null ? links.Tag(tag) : links.Compare(previousTag, tag));
}
