using System.Net;
using System.Text;
using Cake.Release.Reporting;

namespace Cake.Release.Metrics;

/// <summary>Delivery metrics as Markdown, for the log and the GitHub Actions job summary.</summary>
public static class MetricsMarkdown
{
    /// <summary>A heading, the production headline and the table.</summary>
    /// <param name="report">The metrics.</param>
    public static string Render(DeliveryReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append("### Delivery metrics (DORA)\n\n");
        text.Append(E(MetricsText.Window(report.Window))).Append(": ").Append(E(MetricsText.Headline(report))).Append(".\n\n");
        if (report.IsEmpty)
        {
            text.Append(E(MetricsText.Empty(report))).Append("\n\n");
        }

        var rows = new List<IReadOnlyList<string>>();
        foreach (var environment in report.Environments)
        {
            rows.AddRange(report.Figures.Where(f => f.Environment == environment).Select(f => (IReadOnlyList<string>)[E(environment), E(f.Service!), .. MetricsText.Cells(f)]));
            rows.Add([E(environment), "**all**", .. MetricsText.Cells(report.Total(environment))]);
        }

        text.Append(MarkdownTable.Render(["environment", "service", .. MetricsText.Headers], rows));
        return text.ToString();
    }

    // A job summary renders HTML inside Markdown: names from the manifests are escaped so none can add markup.
    private static string E(string text) => WebUtility.HtmlEncode(text);
}
