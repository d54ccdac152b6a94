using System.Text;

namespace Cake.Release.Metrics;

/// <summary>Delivery metrics as a plain-text table for the log: per environment, a row per service and one for all.</summary>
public static class MetricsTable
{
    /// <summary>The title, the table with aligned columns, and the production headline; LF line endings.</summary>
    /// <param name="report">The metrics.</param>
    public static string Render(DeliveryReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append("Delivery metrics (DORA) ").Append(MetricsText.Window(report.Window)).Append('\n');
        if (report.IsEmpty)
        {
            text.Append(MetricsText.Empty(report)).Append('\n');
        }

        text.Append('\n');
        List<IReadOnlyList<string>> rows = [["environment", "service", .. MetricsText.Headers]];
        foreach (var environment in report.Environments)
        {
            rows.AddRange(report.Figures.Where(f => f.Environment == environment).Select(f => (IReadOnlyList<string>)[environment, f.Service!, .. MetricsText.Cells(f)]));
            rows.Add([environment, "(all)", .. MetricsText.Cells(report.Total(environment))]);
        }

        var widths = Enumerable.Range(0, rows[0].Count).Select(i => rows.Max(r => r[i].Length)).ToList();
        foreach (var (row, index) in rows.Select((r, i) => (r, i)))
        {
            text.Append(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd()).Append('\n');
            if (index == 0)
            {
                text.Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
            }
        }

        text.Append('\n').Append(MetricsText.Headline(report)).Append('\n');
        return text.ToString();
    }
}
