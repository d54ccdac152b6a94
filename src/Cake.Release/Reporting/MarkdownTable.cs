using System.Text;

namespace Cake.Release.Reporting;

/// <summary>A GitHub-flavoured Markdown table, for step summaries and reports.</summary>
public static class MarkdownTable
{
    /// <summary>The table with a header row; cells are escaped so a <c>|</c> or a line break cannot break the layout.</summary>
    /// <param name="headers">The column titles.</param>
    /// <param name="rows">The rows, each with one cell per column.</param>
    public static string Render(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var table = new StringBuilder();
        Row(table, headers);
        Row(table, headers.Select(_ => "---").ToList());
        foreach (var row in rows)
        {
            Row(table, row);
        }

        return table.ToString();
    }

    private static void Row(StringBuilder table, IReadOnlyList<string> cells) =>
        table.Append("| ").AppendJoin(" | ", cells.Select(Escape)).Append(" |\n");

    private static string Escape(string cell) =>
        cell.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("\r\n", "<br>", StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal);
}
