namespace Cake.Release.Registry;

/// <summary>What a retag does to one tag.</summary>
public enum TagAction
{
    /// <summary>The tag already names the digest: nothing to do.</summary>
    Unchanged,

    /// <summary>The tag is new in the repository.</summary>
    Created,

    /// <summary>A movable tag (an environment's, such as <c>stg</c>) leaves another digest for this one.</summary>
    Moved,
}

/// <summary>One tag of a retag: what happens to it, and the digest it named before, if any.</summary>
/// <param name="Tag">The tag.</param>
/// <param name="Action">What the retag does (or, in a dry run, would do) to it.</param>
/// <param name="PreviousDigest">The digest the tag named before; null when it is new.</param>
public sealed record TagChange(string Tag, TagAction Action, string? PreviousDigest);
