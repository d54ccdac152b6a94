using System.Globalization;
using System.Text;

namespace Cake.Release.Diffs;

/// <summary>
/// A unified diff of two texts, as <c>git diff</c> and <c>diff -u</c> print it and <c>git apply</c> and <c>patch</c>
/// read it: what a dry run shows for each file it would write.
/// </summary>
/// <remarks>
/// Lines are compared with their line endings, so a line that only changed from CRLF to LF shows as changed. Each
/// line is printed with its own ending (a CRLF line keeps its CR, as git prints it), which keeps the patch
/// applicable; a last line without a line break is followed by <c>\ No newline at end of file</c>.
/// </remarks>
public static class UnifiedDiff
{
    // Past this many differing lines an exact shortest diff costs more than it is worth to a reader; the rest of
    // the differing region is then shown as removed and added whole.
    private const int MaxEditDistance = 2000;

    /// <summary>The diff from <paramref name="oldText"/> to <paramref name="newText"/>; an empty string when they are equal.</summary>
    /// <param name="oldText">The text before.</param>
    /// <param name="newText">The text after.</param>
    /// <param name="oldLabel">Printed after <c>---</c> as given, such as <c>a/k8s/overlays/production/kustomization.yaml</c>.</param>
    /// <param name="newLabel">Printed after <c>+++</c> as given, such as <c>b/k8s/overlays/production/kustomization.yaml</c>.</param>
    /// <param name="context">Unchanged lines shown around each change.</param>
    public static string Create(string oldText, string newText, string oldLabel, string newLabel, int context = 3)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        ArgumentOutOfRangeException.ThrowIfNegative(context);
        if (oldText == newText)
        {
            return "";
        }

        var oldLines = SplitLines(oldText);
        var newLines = SplitLines(newText);
        var edits = LineEdits.Between(oldLines, newLines, MaxEditDistance);

        var diff = new StringBuilder()
            .Append("--- ").Append(oldLabel).Append('\n')
            .Append("+++ ").Append(newLabel).Append('\n');
        foreach (var (start, end) in Hunks(edits, context))
        {
            AppendHunk(diff, edits, start, end, oldLines, newLines);
        }

        return diff.ToString();
    }

    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var lf = text.IndexOf('\n', start);
            var end = lf < 0 ? text.Length : lf + 1;
            lines.Add(text[start..end]);
            start = end;
        }

        return lines;
    }

    // Ranges of the edit list to print: each change with `context` equal lines around it, merging changes whose
    // contexts would touch.
    private static IEnumerable<(int Start, int End)> Hunks(IReadOnlyList<LineEdit> edits, int context)
    {
        var printed = 0;
        for (var i = 0; i < edits.Count; i++)
        {
            if (edits[i].Kind == EditKind.Keep)
            {
                continue;
            }

            var start = Math.Max(printed, i - context);
            var lastChange = i;
            for (var j = i; j < edits.Count && j - lastChange <= 2 * context; j++)
            {
                if (edits[j].Kind != EditKind.Keep)
                {
                    lastChange = j;
                }
            }

            var end = Math.Min(edits.Count, lastChange + context + 1);
            yield return (start, end);
            printed = end;
            i = end - 1;
        }
    }

    private static void AppendHunk(StringBuilder diff, IReadOnlyList<LineEdit> edits, int start, int end, List<string> oldLines, List<string> newLines)
    {
        var hunk = edits.Skip(start).Take(end - start).ToList();
        var oldCount = hunk.Count(e => e.Kind != EditKind.Insert);
        var newCount = hunk.Count(e => e.Kind != EditKind.Delete);
        diff.Append("@@ -").Append(Range(hunk[0].Old, oldCount)).Append(" +").Append(Range(hunk[0].New, newCount)).Append(" @@\n");
        foreach (var edit in hunk)
        {
            var (prefix, line) = edit.Kind switch
            {
                EditKind.Delete => ('-', oldLines[edit.Old]),
                EditKind.Insert => ('+', newLines[edit.New]),
                _ => (' ', oldLines[edit.Old]),
            };
            diff.Append(prefix).Append(line);
            if (!line.EndsWith('\n'))
            {
                diff.Append("\n\\ No newline at end of file\n");
            }
        }
    }

    // A range that holds no line names the line before it, as diff -u does ("-0,0" for an empty file).
    private static string Range(int firstIndex, int count) => count switch
    {
        0 => string.Create(CultureInfo.InvariantCulture, $"{firstIndex},0"),
        1 => string.Create(CultureInfo.InvariantCulture, $"{firstIndex + 1}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{firstIndex + 1},{count}"),
    };
}
