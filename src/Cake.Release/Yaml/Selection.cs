namespace Cake.Release.Yaml;

/// <summary>
/// Picks the one entry of a sequence, or document of a stream, that a <see cref="YamlPathSegment.ItemSelector"/>
/// names. Matching nothing or more than one is refused rather than guessed at: an edit that lands in the wrong Argo CD
/// Application would deploy another service's version.
/// </summary>
internal static class Selection
{
    /// <summary>The candidate whose value at the selector's key equals its value.</summary>
    /// <param name="candidates">The entries (or document roots) to choose from.</param>
    /// <param name="selector">The selector.</param>
    /// <param name="where">How the collection reads in a message: <c>spec.sources</c>, <c>the stream</c>.</param>
    /// <param name="what">What a candidate is called: <c>entry</c>, <c>document</c>.</param>
    /// <param name="at">Where to point when nothing matches.</param>
    /// <exception cref="YamlEditException">No candidate matches, or more than one does.</exception>
    public static SourceNode One(IReadOnlyList<SourceNode> candidates, YamlPathSegment.ItemSelector selector, string where, string what, SourceNode? at)
    {
        var values = candidates.Select(candidate => ValueAt(candidate, selector.Key)).ToList();
        var matches = candidates.Where((_, i) => values[i] == selector.Value).ToList();
        var key = selector.KeyText;
        var whats = what.EndsWith('y') ? what[..^1] + "ies" : what + "s";
        if (matches.Count == 1)
        {
            return matches[0];
        }

        if (matches.Count > 1)
        {
            var lines = string.Join(", ", matches.Select(m => m.Line));
            throw new YamlEditException(matches[1].Line, matches[1].Column,
                $"{where} has {matches.Count} {whats} whose {key} is \"{selector.Value}\" (lines {lines}), and [{key}=...] must pick one; make the values unique or select by position");
        }

        var found = values.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var seen = candidates.Count == 0 ? $"it has no {whats}"
            : found.Count == 0 ? $"none of its {candidates.Count} {whats} has {key}"
            : $"{key} found: {string.Join(", ", found.Select(v => $"\"{v}\""))}";
        var (line, column) = at is null ? (1, 1) : (at.Line, at.Column);
        throw new YamlEditException(line, column, $"{where} has no {what} whose {key} is \"{selector.Value}\" ({seen}); fix the selector, or add the {what} first ({whats} are never created)");
    }

    private static string? ValueAt(SourceNode? node, IReadOnlyList<string> key)
    {
        foreach (var name in key)
        {
            node = node is MappingNode mapping ? mapping.Find(name) : null;
        }

        return node is ScalarNode scalar ? scalar.Value : null;
    }
}
