using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Cake.Release.Yaml;

/// <summary>Reads YAML text into <see cref="SourceNode"/> trees with exact offsets, from YamlDotNet's parser events.</summary>
internal static partial class SourceReader
{
    /// <summary>Every document of the stream, in order; none for an empty or comment-only text.</summary>
    /// <exception cref="YamlEditException">The text is not valid YAML.</exception>
    public static IReadOnlyList<SourceDocument> Read(string text)
    {
        using var reader = new StringReader(text);
        // YamlDotNet's parser takes a byte-order mark for part of the first key; skipped here and added back to
        // every offset, so offsets still point into the caller's text. Lines and columns are unaffected.
        var offset = 0;
        if (text.StartsWith('\uFEFF'))
        {
            reader.Read();
            offset = 1;
        }

        var parser = new Parser(reader);
        try
        {
            var documents = new List<SourceDocument>();
            parser.Consume<StreamStart>();
            while (!parser.TryConsume<StreamEnd>(out _))
            {
                parser.Consume<DocumentStart>();
                documents.Add(new SourceDocument(ReadNode(parser, text, offset, inFlow: false)));
                parser.Consume<DocumentEnd>();
            }

            return documents;
        }
        catch (YamlException e)
        {
            var problem = YamlDotNetPrefix().Replace(e.Message, "").TrimEnd('.');
            throw new YamlEditException((int)e.Start.Line, (int)e.Start.Column, $"not valid YAML: {problem}; fix the syntax there", e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner fails this way on some broken flow collections (an unclosed `[` before more
            // keys); the last event it read is the best place to point at.
            var mark = parser.Current?.End ?? Mark.Empty;
            throw new YamlEditException((int)mark.Line, (int)mark.Column, "not valid YAML after this point (an unclosed bracket or quote?); fix the syntax there", e);
        }
    }

    private static SourceNode ReadNode(IParser parser, string text, int offset, bool inFlow)
    {
        var current = parser.Current ?? throw new InvalidOperationException("parser ended inside a document");
        var start = (int)current.Start.Index + offset;
        var line = (int)current.Start.Line;
        var column = (int)current.Start.Column;
        switch (current)
        {
            case Scalar scalar:
                parser.MoveNext();
                var valueStart = scalar.Anchor.IsEmpty && scalar.Tag.IsEmpty ? start : SkipProperties(text, start, (int)scalar.End.Index + offset);
                return new ScalarNode(start, (int)scalar.End.Index + offset, line, column, inFlow, scalar.Value, scalar.Style, valueStart);
            case AnchorAlias alias:
                parser.MoveNext();
                return new AliasNode(start, (int)alias.End.Index + offset, line, column, inFlow, alias.Value.Value);
            case SequenceStart sequenceStart:
                {
                    parser.MoveNext();
                    var isFlow = sequenceStart.Style == SequenceStyle.Flow;
                    var items = new List<SourceNode>();
                    while (parser.Current is not SequenceEnd)
                    {
                        items.Add(ReadNode(parser, text, offset, inFlow || isFlow));
                    }

                    var end = parser.Consume<SequenceEnd>();

                    return new SequenceNode(start, (int)end.Start.Index + offset, line, column, inFlow, isFlow, items);
                }

            case MappingStart mappingStart:
                {
                    parser.MoveNext();
                    var isFlow = mappingStart.Style == MappingStyle.Flow;
                    var entries = new List<(SourceNode, SourceNode)>();
                    while (parser.Current is not MappingEnd)
                    {
                        var key = ReadNode(parser, text, offset, inFlow || isFlow);
                        var value = ReadNode(parser, text, offset, inFlow || isFlow);
                        value.OwnerKey = key as ScalarNode;
                        entries.Add((key, value));
                    }

                    var end = parser.Consume<MappingEnd>();

                    return new MappingNode(start, (int)end.Start.Index + offset, line, column, inFlow, isFlow, entries);
                }

            default:
                throw new InvalidOperationException($"unexpected YAML event {current.GetType().Name}");
        }
    }

    // The scalar's marks begin at its anchor or tag (`&tag !!str 1.2`); the value begins after them and the white
    // space (or comment) that follows.
    private static int SkipProperties(string text, int position, int end)
    {
        while (position < end)
        {
            switch (text[position])
            {
                case '&' or '!':
                    while (position < end && !char.IsWhiteSpace(text[position]))
                    {
                        position++;
                    }

                    break;
                case ' ' or '\t' or '\r' or '\n':
                    position++;
                    break;
                case '#':
                    while (position < end && text[position] != '\n')
                    {
                        position++;
                    }

                    break;
                default:
                    return position;
            }
        }

        return position;
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex YamlDotNetPrefix();
}
