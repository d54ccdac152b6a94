using System.Globalization;
using System.Net;
using System.Text;

namespace Cake.Release.Metrics;

/// <summary>
/// Delivery metrics as one self-contained HTML page (styles inline, no script, nothing fetched), fit to keep as a CI
/// artifact: the four keys of production, deployments over time per environment and the lead-time distribution as
/// inline SVG, and the table of every service and environment.
/// </summary>
public static class MetricsHtml
{
    /// <summary>The page. Every name, version and date from the manifests is HTML-escaped.</summary>
    /// <param name="report">The metrics.</param>
    public static string Render(DeliveryReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var total = report.ProductionTotal;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>Delivery metrics</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>Delivery metrics (DORA)</h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"window\"><time datetime=\"{E(Iso(report.Window.Since))}\">{E(report.Window.Since.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))}</time> → <time datetime=\"{E(Iso(report.Window.Until))}\">{E(report.Window.Until.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))}</time> UTC; the four keys in <strong>{E(report.Production)}</strong>.</p>\n");
        if (report.IsEmpty)
        {
            html.Append("<p id=\"empty\">").Append(E(MetricsText.Empty(report))).Append("</p>\n");
        }

        html.Append("<section class=\"keys\">\n");
        Key(html, "deployment-frequency", "Deployment frequency", $"{MetricsText.Number(total.PerWeek)} per week", $"{total.Deployments} in the window");
        Key(html, "lead-time", "Lead time for changes", $"p50 {MetricsText.Duration(total.LeadTimeMedian)}", $"p90 {MetricsText.Duration(total.LeadTimeP90)}");
        Key(html, "change-failure-rate", "Change failure rate", MetricsText.Rate(total), $"{total.Rollbacks} rollback(s), {total.Hotfixes} hotfix(es)");
        Key(html, "time-to-restore", "Time to restore", $"p50 {MetricsText.Duration(total.TimeToRestoreMedian)}", $"{total.Restores.Count} restoration(s)");
        html.Append("</section>\n");

        html.Append(CultureInfo.InvariantCulture, $"<h2>Deployments per {(MetricsCharts.Weekly(report.Window) ? "week" : "day")}</h2>\n<ul class=\"legend\">");
        for (var e = 0; e < report.Environments.Count; e++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><span class=\"swatch\" style=\"background:{MetricsCharts.Colours[e % MetricsCharts.Colours.Count]}\"></span>{E(report.Environments[e])}</li>");
        }

        html.Append("</ul>\n").Append(MetricsCharts.Deployments(report));
        html.Append("<h2>Lead time for changes in ").Append(E(report.Production)).Append("</h2>\n").Append(MetricsCharts.LeadTimes(total.LeadTimes));

        html.Append("<h2>Per service and environment</h2>\n<table id=\"metrics\">\n<thead>\n<tr><th scope=\"col\">environment</th><th scope=\"col\">service</th>");
        foreach (var header in MetricsText.Headers)
        {
            html.Append("<th scope=\"col\">").Append(E(header)).Append("</th>");
        }

        html.Append("</tr>\n</thead>\n<tbody>\n");
        foreach (var environment in report.Environments)
        {
            foreach (var figures in report.Figures.Where(f => f.Environment == environment).Append(report.Total(environment)))
            {
                var service = figures.Service;
                html.Append(CultureInfo.InvariantCulture, $"<tr data-env=\"{E(environment)}\" data-service=\"{E(service ?? "")}\"{(service is null ? " class=\"total\"" : "")}><td>{E(environment)}</td><td>{E(service ?? "all")}</td>");
                foreach (var cell in MetricsText.Cells(figures))
                {
                    html.Append("<td>").Append(E(cell)).Append("</td>");
                }

                html.Append("</tr>\n");
            }
        }

        html.Append("</tbody>\n</table>\n");
        html.Append("<p class=\"definitions\">A deployment is a deploy, promotion or hotfix recorded in an environment's manifest; a rollback restores one. ")
            .Append("A deployment fails when the next change of its service in that environment is a rollback or a hotfix; time to restore runs from it to that change. ")
            .Append("Lead time runs from the oldest commit the release brought to its deployment. See the README, \"Delivery metrics (DORA)\".</p>\n");
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Key(StringBuilder html, string id, string name, string value, string detail) =>
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"key\" id=\"{id}\"><h3>{E(name)}</h3><p class=\"value\">{E(value)}</p><p class=\"detail\">{E(detail)}</p></div>\n");

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 2rem; color: #1f2328; }
        h1 { margin-bottom: 0.25rem; }
        .window { color: #57606a; margin-top: 0; }
        .keys { display: flex; gap: 1rem; flex-wrap: wrap; margin: 1rem 0; }
        .key { border: 1px solid #d0d7de; border-radius: 6px; padding: 0.75rem 1rem; min-width: 11rem; }
        .key h3 { font-size: 0.9rem; margin: 0; color: #57606a; }
        .key .value { font-size: 1.5rem; margin: 0.25rem 0; }
        .key .detail { margin: 0; color: #57606a; font-size: 0.85rem; }
        svg text { font-size: 11px; fill: #57606a; }
        svg .axis { stroke: #8c959f; }
        .legend { list-style: none; padding: 0; display: flex; gap: 1rem; }
        .swatch { display: inline-block; width: 0.8rem; height: 0.8rem; margin-right: 0.3rem; vertical-align: middle; }
        table { border-collapse: collapse; margin-top: 0.5rem; }
        th, td { border: 1px solid #d0d7de; padding: 0.3rem 0.6rem; text-align: left; }
        tr.total td { font-weight: 600; background: #f6f8fa; }
        .definitions { color: #57606a; max-width: 60rem; }

        """;
}
