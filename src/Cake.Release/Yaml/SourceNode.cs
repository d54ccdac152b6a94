using YamlDotNet.Core;

namespace Cake.Release.Yaml;

/// <summary>
/// A node of a YAML document with where it sits in the original text, so an edit can splice text in at exact
/// character offsets instead of writing the document anew. Offsets count UTF-16 characters of the whole text
/// (a byte-order mark included); lines and columns are 1-based, as YamlDotNet reports them.
/// </summary>
internal abstract class SourceNode
{
    protected SourceNode(int start, int end, int line, int column, bool inFlow)
    {
        Start = start;
        End = end;
        Line = line;
        Column = column;
        InFlow = inFlow;
    }

    /// <summary>Offset of the node's first character (its anchor or tag, when it has one).</summary>
    public int Start { get; }

    /// <summary>Offset just past the node (for a flow collection: of its closing bracket).</summary>
    public int End { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary>Inside <c>{…}</c> or <c>[…]</c>, where <c>,[]{}</c> end a plain scalar.</summary>
    public bool InFlow { get; }

    /// <summary>The key this node is the value of, when its parent is a mapping.</summary>
    public ScalarNode? OwnerKey { get; set; }

    /// <summary>How the node reads in a message: "a mapping", "a value".</summary>
    public abstract string Kind { get; }

    /// <summary>Offset just past the node's last meaningful character: a block collection's End lies after trailing
    /// comments and blank lines, which belong to whatever follows.</summary>
    public abstract int ContentEnd(string text);
}

internal sealed class ScalarNode(int start, int end, int line, int column, bool inFlow, string value, ScalarStyle style, int valueStart)
    : SourceNode(start, end, line, column, inFlow)
{
    public string Value { get; } = value;

    public ScalarStyle Style { get; } = style;

    /// <summary>Offset of the value itself, past any anchor or tag.</summary>
    public int ValueStart { get; } = valueStart;

    /// <summary><c>key:</c> with nothing after it: null to YAML, and the natural place to grow a mapping.</summary>
    public bool IsEmpty => Style == ScalarStyle.Plain && Value.Length == 0;

    public bool IsBlock => Style is ScalarStyle.Literal or ScalarStyle.Folded;

    public override string Kind => "a value";

    public override int ContentEnd(string text)
    {
        if (!IsBlock)
        {
            return End;
        }

        // A block scalar's token runs over its final line break and trailing blank lines; its content ends with the
        // last line that holds anything.
        var end = End;
        while (end > ValueStart && text[end - 1] is '\n' or '\r' or ' ' or '\t')
        {
            end--;
        }

        while (end < End && text[end] is not ('\n' or '\r'))
        {
            end++;
        }

        return end;
    }
}

internal sealed class MappingNode(int start, int end, int line, int column, bool inFlow, bool isFlow, IReadOnlyList<(SourceNode Key, SourceNode Value)> entries)
    : SourceNode(start, end, line, column, inFlow)
{
    public bool IsFlow { get; } = isFlow;

    public IReadOnlyList<(SourceNode Key, SourceNode Value)> Entries { get; } = entries;

    public override string Kind => "a mapping";

    /// <summary>The value under a scalar key, or null.</summary>
    public SourceNode? Find(string key) =>
        Entries.FirstOrDefault(e => e.Key is ScalarNode scalar && scalar.Value == key).Value;

    public override int ContentEnd(string text) =>
        IsFlow ? End + 1 : Entries.Count > 0 ? Entries[^1].Value.ContentEnd(text) : End;
}

internal sealed class SequenceNode(int start, int end, int line, int column, bool inFlow, bool isFlow, IReadOnlyList<SourceNode> items)
    : SourceNode(start, end, line, column, inFlow)
{
    public bool IsFlow { get; } = isFlow;

    public IReadOnlyList<SourceNode> Items { get; } = items;

    public override string Kind => "a sequence";

    public override int ContentEnd(string text) =>
        IsFlow ? End + 1 : Items.Count > 0 ? Items[^1].ContentEnd(text) : End;
}

internal sealed class AliasNode(int start, int end, int line, int column, bool inFlow, string anchor)
    : SourceNode(start, end, line, column, inFlow)
{
    public string Anchor { get; } = anchor;

    public override string Kind => $"an alias of &{Anchor}";

    public override int ContentEnd(string text) => End;
}

/// <summary>One document of a stream: its root node (null when the document holds nothing).</summary>
internal sealed record SourceDocument(SourceNode Root);
