namespace Cake.Release.Yaml;

/// <summary>Facts about the layout of YAML text that new lines must follow: line ending, indentation, line ends.</summary>
internal static class TextLayout
{
    /// <summary>The text's own line ending, judged by its first line break; LF for text without one.</summary>
    public static string NewlineOf(string text)
    {
        var lf = text.IndexOf('\n', StringComparison.Ordinal);
        return lf > 0 && text[lf - 1] == '\r' ? "\r\n" : "\n";
    }

    /// <summary>Offset just past the line break that ends the line holding <paramref name="position"/>, or -1 on a last line without one.</summary>
    public static int NextLineStart(string text, int position)
    {
        var lf = text.IndexOf('\n', Math.Min(position, text.Length));
        return lf < 0 ? -1 : lf + 1;
    }

    /// <summary>Inserts whole lines after the line holding <paramref name="position"/>; on a last line without a line
    /// break, the new lines go after a new break and the text still ends without one.</summary>
    public static string InsertLinesAfter(string text, int position, IReadOnlyList<string> lines, string newline)
    {
        var at = NextLineStart(text, position);
        return at < 0
            ? text + newline + string.Join(newline, lines)
            : text.Insert(at, string.Concat(lines.Select(line => line + newline)));
    }

    /// <summary>1-based line and column of an offset.</summary>
    public static (int Line, int Column) LineAndColumn(string text, int position)
    {
        var before = text.AsSpan(0, position);
        var lastBreak = before.LastIndexOf('\n');
        return (before.Count('\n') + 1, position - lastBreak);
    }

    /// <summary>How far a nested block mapping is indented under its key in this document; 2 when nothing shows it.</summary>
    public static int IndentStep(SourceNode root)
    {
        var pending = new Stack<SourceNode>([root]);
        while (pending.TryPop(out var node))
        {
            switch (node)
            {
                case MappingNode mapping:
                    foreach (var (key, value) in mapping.Entries)
                    {
                        if (value is MappingNode { IsFlow: false, Entries.Count: > 0 } child && child.Entries[0].Key.Line > key.Line
                            && child.Entries[0].Key.Column > key.Column)
                        {
                            return child.Entries[0].Key.Column - key.Column;
                        }

                        pending.Push(value);
                    }

                    break;
                case SequenceNode sequence:
                    sequence.Items.ToList().ForEach(pending.Push);
                    break;
            }
        }

        return 2;
    }

    /// <summary>The indentation of a block scalar's content lines (its first line holding anything).</summary>
    public static int BlockContentIndent(string text, ScalarNode block)
    {
        var line = NextLineStart(text, block.ValueStart);
        while (line >= 0 && line < block.End)
        {
            var spaces = 0;
            while (line + spaces < text.Length && text[line + spaces] == ' ')
            {
                spaces++;
            }

            if (line + spaces < text.Length && text[line + spaces] is not ('\r' or '\n'))
            {
                return spaces;
            }

            line = NextLineStart(text, line);
        }

        return (block.OwnerKey?.Column ?? 1) - 1 + 2;
    }
}
