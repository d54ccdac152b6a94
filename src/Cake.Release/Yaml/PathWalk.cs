namespace Cake.Release.Yaml;

/// <summary>How far a <see cref="YamlPath"/> got into a document.</summary>
/// <param name="Found">The node at the end of the path, or null when a key or entry is missing.</param>
/// <param name="Parent">When missing: the mapping lacking the key, the sequence lacking the entry, or the empty value (<c>key:</c>) that would hold the rest.</param>
/// <param name="Depth">When missing: the index of the first segment not found.</param>
/// <param name="MissingIndex">When missing: the segment not found is a sequence index.</param>
internal readonly record struct PathWalk(SourceNode? Found, SourceNode Parent, int Depth, bool MissingIndex)
{
    /// <summary>Follows <paramref name="path"/> from <paramref name="root"/>, starting at segment <paramref name="from"/> (past a document selector).</summary>
    /// <exception cref="YamlEditException">
    /// The path goes through a value or an alias, or indexes a mapping, or names a key in a sequence, or a selector
    /// matches no entry or more than one.
    /// </exception>
    public static PathWalk Find(SourceNode root, YamlPath path, int from = 0)
    {
        var node = root;
        for (var depth = from; depth < path.Segments.Count; depth++)
        {
            switch (path.Segments[depth], node)
            {
                case (YamlPathSegment.MappingKey key, MappingNode mapping):
                    var value = mapping.Find(key.Name);
                    if (value is null)
                    {
                        return new PathWalk(null, mapping, depth, false);
                    }

                    node = value;
                    break;
                case (YamlPathSegment.SequenceIndex index, SequenceNode sequence):
                    if (index.Position >= sequence.Items.Count)
                    {
                        return new PathWalk(null, sequence, depth, true);
                    }

                    node = sequence.Items[index.Position];
                    break;
                case (YamlPathSegment.ItemSelector selector, SequenceNode sequence):
                    node = Selection.One(sequence.Items, selector, YamlDocumentEditor.Describe(path, depth), "entry", sequence);
                    break;
                case (YamlPathSegment.ItemSelector selector, ScalarNode { IsEmpty: true }):
                    node = Selection.One([], selector, YamlDocumentEditor.Describe(path, depth), "entry", node);
                    break;
                case (YamlPathSegment.MappingKey, ScalarNode { IsEmpty: true }):
                    return new PathWalk(null, node, depth, false);
                default:
                    var wanted = path.Segments[depth] is YamlPathSegment.MappingKey ? "a mapping" : "a sequence";
                    var at = YamlDocumentEditor.Describe(path, depth);
                    throw new YamlEditException(node.Line, node.Column, node is AliasNode alias
                        ? $"{at} is an alias of &{alias.Anchor}; the path cannot go through an alias (that would edit every use of the anchor): point it at the anchor"
                        : $"{at} is {node.Kind}, not {wanted}, so the path {path} cannot go on; check the path against the file");
            }
        }

        return new PathWalk(node, node, path.Segments.Count, false);
    }
}
