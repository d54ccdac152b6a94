using YamlDotNet.Core;

namespace Cake.Release.Yaml;

/// <summary>
/// Creates the missing mapping keys at the end of a path: new lines at the end of the parent block mapping, indented
/// like its keys, in the file's line ending; or a new entry before the closing brace of a flow mapping.
/// </summary>
internal static class KeyInsertion
{
    public static string Insert(string text, SourceNode root, SourceNode parent, YamlPath path, int depth, string value, string newline)
    {
        var keys = NewKeys(path, depth, parent);
        switch (parent)
        {
            case MappingNode { IsFlow: true } flow:
                return flow.Entries.Count == 0
                    ? text.Insert(flow.End, FlowEntry(keys, value))
                    : text.Insert(flow.Entries[^1].Value.ContentEnd(text), ", " + FlowEntry(keys, value));
            case MappingNode block:
                var indent = block.Entries[0].Key.Column - 1;
                return TextLayout.InsertLinesAfter(text, block.ContentEnd(text), BlockLines(keys, value, indent, TextLayout.IndentStep(root)), newline);
            case ScalarNode { IsEmpty: true, OwnerKey: { } owner } empty when empty.InFlow:
                return text.Insert(empty.Start, " {" + FlowEntry(keys, value) + "}");
            case ScalarNode { IsEmpty: true, OwnerKey: { } owner } empty:
                var step = TextLayout.IndentStep(root);
                return TextLayout.InsertLinesAfter(text, empty.Start, BlockLines(keys, value, owner.Column - 1 + step, step), newline);
            default:
                throw new YamlEditException(parent.Line, parent.Column, $"{YamlDocumentEditor.Describe(path, depth)} is an empty document; write `{{}}` in it first to create {path}");
        }
    }

    /// <summary>A stream without any document: the keys become its first lines.</summary>
    public static string AppendToEmptyStream(string text, YamlPath path, string value, string newline)
    {
        var lines = BlockLines(NewKeys(path, 0, null), value, 0, 2);
        return text.Length == 0 || text.EndsWith('\n')
            ? text + string.Concat(lines.Select(line => line + newline))
            : TextLayout.InsertLinesAfter(text, text.Length, lines, newline);
    }

    private static IReadOnlyList<string> NewKeys(YamlPath path, int depth, SourceNode? parent)
    {
        var rest = path.Segments.Skip(depth).ToList();
        if (rest.Any(s => s is not YamlPathSegment.MappingKey))
        {
            var (line, column) = parent is null ? (1, 1) : (parent.Line, parent.Column);
            throw new YamlEditException(line, column, $"{YamlDocumentEditor.Describe(path, depth)} lacks what {path} needs, and sequence entries are never created; add the entry first");
        }

        return rest.Cast<YamlPathSegment.MappingKey>().Select(k => k.Name).ToList();
    }

    private static List<string> BlockLines(IReadOnlyList<string> keys, string value, int indent, int step) =>
        keys.Select((key, i) => new string(' ', indent + (i * step)) + Key(key, inFlow: false) + ":"
            + (i == keys.Count - 1 ? " " + ScalarWriter.Write(value, ScalarStyle.Any, inFlow: false, "\n", 0) : "")).ToList();

    private static string FlowEntry(IReadOnlyList<string> keys, string value) =>
        keys.Count == 1
            ? $"{Key(keys[0], inFlow: true)}: {ScalarWriter.Write(value, ScalarStyle.Any, inFlow: true, "\n", 0)}"
            : $"{Key(keys[0], inFlow: true)}: {{{FlowEntry(keys.Skip(1).ToList(), value)}}}";

    private static string Key(string key, bool inFlow) => ScalarWriter.IsPlainSafe(key, inFlow) ? key : ScalarWriter.DoubleQuoted(key);
}
