using System.Globalization;
using System.Text;

namespace Cake.Release.Reporting;

/// <summary>The status matrix as Markdown, for the log and the GitHub Actions job summary.</summary>
public static class StatusMarkdown
{
    /// <summary>A heading, the table (a column per environment, a row per service) and a legend of the drift marks it shows.</summary>
    /// <param name="status">The matrix.</param>
    public static string Render(ReleaseStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var text = new StringBuilder();
        text.Append("### Release status\n\n");
        text.Append(CultureInfo.InvariantCulture, $"As of {status.At.UtcDateTime:yyyy-MM-dd HH:mm} UTC: version, digest (first 12 hex digits) and age per environment.\n\n");
        text.Append(MarkdownTable.Render(
            [.. StatusText.RowHeaders(status), .. status.Environments],
            status.Services.Select(s => (IReadOnlyList<string>)[.. StatusText.RowNames(status, s), .. status.Environments.Select(e => StatusText.Cell(status.Cell(s, e)))])));

        var legend = StatusText.Legend(status).ToList();
        if (legend.Count > 0)
        {
            text.Append('\n');
            legend.ForEach(line => text.Append("- ").Append(line).Append('\n'));
        }

        return text.ToString();
    }
}
