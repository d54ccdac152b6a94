namespace Cake.Release.Registry;

/// <summary>What a retag did (or, in a dry run, would do).</summary>
/// <param name="Image">The source image, as given.</param>
/// <param name="Digest">The digest every tag now names; unchanged by the retag.</param>
/// <param name="MediaType">The manifest's media type (an index keeps every platform).</param>
/// <param name="Changes">One entry per requested tag.</param>
/// <param name="DryRun">True when nothing was written.</param>
public sealed record RetagResult(ImageReference Image, string Digest, string MediaType, IReadOnlyList<TagChange> Changes, bool DryRun)
{
    /// <summary>True when every tag already named the digest: the retag had nothing to do.</summary>
    public bool NothingToDo => Changes.All(c => c.Action == TagAction.Unchanged);
}
