using YamlDotNet.Core;

namespace Cake.Release.Yaml;

/// <summary>
/// Reads and sets scalar values of YAML text in place. An edit replaces only the characters of the value (or adds
/// lines for keys it creates): comments, including one at the end of the edited line, key order, quoting,
/// indentation, blank lines, document markers, anchors, line endings, a byte-order mark and a missing final newline
/// all stay as they were. The document is never written anew.
/// </summary>
/// <remarks>
/// A value keeps its quoting style when it can be written in it; a plain value that would read back as something
/// other than the same string (<c>1.10</c>, <c>yes</c>, <c>null</c>, <c>*x</c>, <c>a: b</c>) is written in double
/// quotes, and so is any value a single-quoted scalar cannot hold. A block scalar (<c>|</c>, <c>&gt;</c>) given a
/// value of one line becomes a one-line scalar on its key's line; given several lines it becomes a literal block
/// at the same indentation (a comment on the block's header line is lost then). Paths do not go through aliases:
/// editing through one would change every place that uses the anchor.
/// </remarks>
public static class YamlDocumentEditor
{
    /// <summary>Sets the scalar at <paramref name="path"/> to <paramref name="value"/>.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="path">Where the value is.</param>
    /// <param name="value">The new value, as a string.</param>
    /// <param name="options">Whether to create missing keys and which document to edit; <see cref="YamlSetOptions.Default"/> when null.</param>
    /// <returns>The edited text; the very same string instance when the value is already there.</returns>
    /// <exception cref="YamlEditException">Invalid YAML, or the path does not lead to a value (and cannot be created).</exception>
    public static string SetScalar(string text, YamlPath path, string value, YamlSetOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(value);
        options ??= YamlSetOptions.Default;

        var documents = SourceReader.Read(text);
        var edited = Edit(text, documents, path, value, options);
        if (ReferenceEquals(edited, text))
        {
            return text;
        }

        // Proof by reading back: the edit took, and the document around it still parses. The document is the one
        // chosen before the edit, which may have changed the very value a selector chose it by.
        var target = Target(documents, path, options.Document);
        var written = Get(SourceReader.Read(edited), path, target);
        if (written != value)
        {
            var at = LocationOf(text, documents, path, target);
            throw new YamlEditException(at.Line, at.Column, $"{path} cannot be written in place as the value given; edit this value by hand");
        }

        return edited;
    }

    /// <summary>
    /// Reads the scalar at <paramref name="path"/> of document <paramref name="document"/>; a path that starts with a
    /// selector (<c>[metadata.name=blue-dev].spec.source.targetRevision</c>) picks its document itself.
    /// </summary>
    /// <returns>The value as YAML reads it (an empty string for <c>key:</c> with nothing after it); null when a key or entry on the path, or the document, is missing.</returns>
    /// <exception cref="YamlEditException">Invalid YAML, the path leads to or through a mapping, sequence or alias where it needs something else, or a selector matches no entry or several.</exception>
    public static string? GetScalar(string text, YamlPath path, int document = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        var documents = SourceReader.Read(text);
        return Get(documents, path, Target(documents, path, document));
    }

    private static string? Get(IReadOnlyList<SourceDocument> documents, YamlPath path, (int Document, int From) target)
    {
        if (target.Document < 0 || target.Document >= documents.Count)
        {
            return null;
        }

        var walk = PathWalk.Find(documents[target.Document].Root, path, target.From);
        return walk.Found is null ? null : ScalarAt(walk.Found, path).Value;
    }

    private static string Edit(string text, IReadOnlyList<SourceDocument> documents, YamlPath path, string value, YamlSetOptions options)
    {
        var newline = TextLayout.NewlineOf(text);
        if (documents.Count == 0 && options.CreateMissing && options.Document is null or 0 && path.Segments[0] is not YamlPathSegment.ItemSelector)
        {
            return KeyInsertion.AppendToEmptyStream(text, path, value, newline);
        }

        var (index, from) = Target(documents, path, options.Document);
        if (index < 0 || index >= documents.Count)
        {
            var (line, column) = TextLayout.LineAndColumn(text, text.Length);
            throw new YamlEditException(line, column, $"there is no document {index}: the text holds {documents.Count}; choose a document from 0 to {documents.Count - 1}");
        }

        var walk = PathWalk.Find(documents[index].Root, path, from);
        if (walk.Found is not null)
        {
            var scalar = ScalarAt(walk.Found, path);
            return scalar.Value == value ? text : Replace(text, scalar, value, newline);
        }

        var parent = walk.Parent;
        if (walk.MissingIndex || !options.CreateMissing)
        {
            var missing = path.Segments[walk.Depth];
            throw new YamlEditException(parent.Line, parent.Column, walk.MissingIndex
                ? $"{Describe(path, walk.Depth)} has {((SequenceNode)parent).Items.Count} entries, no {path.Format(walk.Depth + 1)[path.Format(walk.Depth).Length..]}; use an index below {((SequenceNode)parent).Items.Count} (entries are never created)"
                : $"{Describe(path, walk.Depth)} has no key '{((YamlPathSegment.MappingKey)missing).Name}' (looking for {path}); add it or allow creating missing keys");
        }

        return KeyInsertion.Insert(text, documents[index].Root, parent, path, walk.Depth, value, newline);
    }

    private static ScalarNode ScalarAt(SourceNode node, YamlPath path) => node switch
    {
        ScalarNode scalar => scalar,
        AliasNode alias => throw new YamlEditException(alias.Line, alias.Column, $"{path} is an alias of &{alias.Anchor}; set the value where the anchor is, or replace the alias by hand"),
        _ => throw new YamlEditException(node.Line, node.Column, $"{path} is {node.Kind}, not a value; point the path at a scalar"),
    };

    private static string Replace(string text, ScalarNode scalar, string value, string newline)
    {
        if (scalar.IsEmpty)
        {
            // `key:` with nothing after it: the empty scalar sits right after the colon.
            return text.Insert(scalar.Start, " " + ScalarWriter.Write(value, ScalarStyle.Plain, scalar.InFlow, newline, 0));
        }

        var indent = scalar.IsBlock ? TextLayout.BlockContentIndent(text, scalar) : 0;
        var written = ScalarWriter.Write(value, scalar.Style, scalar.InFlow, newline, indent);
        var end = scalar.ContentEnd(text);
        return string.Concat(text.AsSpan(0, scalar.ValueStart), written, text.AsSpan(end));
    }

    private static (int Line, int Column) LocationOf(string text, IReadOnlyList<SourceDocument> documents, YamlPath path, (int Document, int From) target)
    {
        var walk = target.Document < documents.Count ? PathWalk.Find(documents[target.Document].Root, path, target.From) : default;
        return walk.Found is not null ? (walk.Found.Line, walk.Found.Column)
            : walk.Parent is not null ? (walk.Parent.Line, walk.Parent.Column)
            : TextLayout.LineAndColumn(text, text.Length);
    }

    // A leading selector picks the document, and the walk starts past it; in a stream of one document whose root is
    // a sequence it selects an entry of that sequence instead, as a leading [0] does.
    private static (int Document, int From) Target(IReadOnlyList<SourceDocument> documents, YamlPath path, int? requested)
    {
        if (path.Segments[0] is not YamlPathSegment.ItemSelector selector || documents is [{ Root: SequenceNode }])
        {
            return (DocumentFor(documents, path, requested), 0);
        }

        var roots = documents.Select(d => d.Root).ToList();
        var chosen = Selection.One(roots, selector, "the stream", "document", roots.FirstOrDefault());
        return (roots.IndexOf(chosen), 1);
    }

    // Without a document index: the first document holding the path, else the first holding most of it (so a
    // created key lands in the Application of a stream, not in the AppProject before it).
    private static int DocumentFor(IReadOnlyList<SourceDocument> documents, YamlPath path, int? requested)
    {
        if (requested is { } index)
        {
            return index;
        }

        var best = (Document: 0, Depth: -1);
        for (var i = 0; i < documents.Count; i++)
        {
            var depth = Reach(documents[i].Root, path);
            if (depth > best.Depth)
            {
                best = (i, depth);
            }
        }

        return best.Document;
    }

    private static int Reach(SourceNode root, YamlPath path)
    {
        try
        {
            var walk = PathWalk.Find(root, path);
            return walk.Found is null ? walk.Depth : int.MaxValue;
        }
        catch (YamlEditException)
        {
            return -1;
        }
    }

    internal static string Describe(YamlPath path, int depth) => depth == 0 ? "the document root" : path.Format(depth);
}
