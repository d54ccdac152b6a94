namespace Cake.Release.Registry;

/// <summary>
/// Which tags a retag may set. Version tags are immutable: once one names a digest it never names another, and
/// <c>latest</c> is no version. Movable tags (an environment's <c>dev</c>, <c>stg</c>, <c>prd</c>) follow promotions.
/// </summary>
internal static class TagPolicy
{
    /// <summary>Refuses tags that are not valid, or <c>latest</c> when it is not declared movable.</summary>
    public static IReadOnlyList<string> CheckNames(ImageReference image, IEnumerable<string> tags, IReadOnlySet<string> movable)
    {
        var wanted = tags.Select(t => t.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            throw new ReleaseException($"Retag of {image}: no tag given; name at least one with --tag (RetagSettings.Tags).");
        }

        foreach (var tag in wanted)
        {
            if (!ImageReference.IsValidTag(tag))
            {
                throw new ReleaseException($"Retag of {image}: '{tag}' is not a tag (1 to 128 letters, digits, '_', '.', '-', not starting with '.' or '-'); fix --tag.");
            }

            if (tag == "latest" && !movable.Contains(tag))
            {
                throw new ReleaseException($"Retag of {image}: 'latest' is refused as a version tag, since it cannot say which release runs; tag a version such as 1.6.0 (a moving 'latest' must be listed as movable).");
            }
        }

        return wanted;
    }

    /// <summary>
    /// What happens to each tag, given the digest each names now (absent or null: none). Refuses the whole retag,
    /// before anything is written, if a version tag names another digest.
    /// </summary>
    public static IReadOnlyList<TagChange> Plan(ImageReference image, string digest, IEnumerable<string> tags, IReadOnlyDictionary<string, string?> current, IReadOnlySet<string> movable)
    {
        var changes = new List<TagChange>();
        foreach (var tag in CheckNames(image, tags, movable))
        {
            var previous = current.GetValueOrDefault(tag);
            if (previous == digest)
            {
                changes.Add(new TagChange(tag, TagAction.Unchanged, previous));
            }
            else if (previous is null)
            {
                changes.Add(new TagChange(tag, TagAction.Created, null));
            }
            else if (movable.Contains(tag))
            {
                changes.Add(new TagChange(tag, TagAction.Moved, previous));
            }
            else
            {
                throw new ReleaseException($"Retag of {image}: {image.Name}:{tag} already names {previous}, not {digest}; a version tag never moves: release a new version (only {(movable.Count == 0 ? "declared movable tags" : string.Join(", ", movable.Order(StringComparer.Ordinal)))} may move).");
            }
        }

        // Version tags first: should a later write fail, no environment tag points at an image its version tag lacks.
        return changes.OrderBy(c => movable.Contains(c.Tag)).ToList();
    }
}
