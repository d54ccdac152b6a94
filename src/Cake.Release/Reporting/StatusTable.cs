using System.Text;

namespace Cake.Release.Reporting;

/// <summary>The status matrix as a plain-text table for the console: a column per environment, a row per service.</summary>
public static class StatusTable
{
    /// <summary>The table with aligned columns, then a legend of the drift marks it shows; LF line endings.</summary>
    /// <param name="status">The matrix.</param>
    public static string Render(ReleaseStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        List<IReadOnlyList<string>> rows = [[.. StatusText.RowHeaders(status), .. status.Environments]];
        rows.AddRange(status.Services.Select(s => (IReadOnlyList<string>)[.. StatusText.RowNames(status, s), .. status.Environments.Select(e => StatusText.Cell(status.Cell(s, e)))]));
        var widths = Enumerable.Range(0, rows[0].Count).Select(i => rows.Max(r => r[i].Length)).ToList();

        var text = new StringBuilder();
        foreach (var (row, index) in rows.Select((r, i) => (r, i)))
        {
            text.Append(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd()).Append('\n');
            if (index == 0)
            {
                text.Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
            }
        }

        var legend = StatusText.Legend(status).ToList();
        if (legend.Count > 0)
        {
            text.Append('\n');
            legend.ForEach(line => text.Append(line).Append('\n'));
        }

        return text.ToString();
    }
}
