using System.Globalization;
using System.Net;
using System.Text;

namespace Cake.Release.Metrics;

/// <summary>
/// The two charts of the metrics page, as inline SVG (nothing fetched): deployments over time, a bar per environment
/// and day (per week in a window longer than 62 days), and the distribution of production lead times, a bar per band.
/// Every bar carries its figures as attributes (<c>data-env</c>, <c>data-bucket</c>, <c>data-count</c>) and a tooltip.
/// </summary>
internal static class MetricsCharts
{
    private const int Width = 760;
    private const int Height = 220;
    private const int Left = 40;
    private const int Bottom = 30;
    private const int Top = 10;

    /// <summary>The lead-time bands: DORA's performance levels speak in hours, days, weeks and months.</summary>
    public static readonly IReadOnlyList<(string Label, TimeSpan Below)> LeadTimeBands =
    [
        ("< 1h", TimeSpan.FromHours(1)),
        ("1h–1d", TimeSpan.FromDays(1)),
        ("1d–1w", TimeSpan.FromDays(7)),
        ("1w–30d", TimeSpan.FromDays(30)),
        ("≥ 30d", TimeSpan.MaxValue),
    ];

    public static readonly IReadOnlyList<string> Colours = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1"];

    /// <summary>Whether the deployment chart counts per week: a bar per day of a long window would be a pixel wide.</summary>
    public static bool Weekly(MetricsWindow window) => window.Days > 62;

    /// <summary>The first day of every bucket of the window, oldest first.</summary>
    public static IReadOnlyList<DateOnly> Buckets(MetricsWindow window)
    {
        var step = Weekly(window) ? 7 : 1;
        var first = DateOnly.FromDateTime(window.Since.UtcDateTime);
        var buckets = new List<DateOnly>();
        for (var day = first; day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) < window.Until.UtcDateTime; day = day.AddDays(step))
        {
            buckets.Add(day);
        }

        return buckets;
    }

    public static string Deployments(DeliveryReport report)
    {
        var buckets = Buckets(report.Window);
        var step = Weekly(report.Window) ? 7 : 1;
        var counts = report.Events.Where(e => e.IsDeployment)
            .GroupBy(e => (e.Environment, Bucket: buckets[Math.Min(buckets.Count - 1, (DateOnly.FromDateTime(e.Deployed.UtcDateTime).DayNumber - buckets[0].DayNumber) / step)]))
            .ToDictionary(g => g.Key, g => g.Count());
        var max = Math.Max(1, counts.Values.DefaultIfEmpty(0).Max());
        var plotWidth = Width - Left - 10;
        var plotHeight = Height - Top - Bottom;
        var group = (double)plotWidth / buckets.Count;
        var bar = group * 0.8 / Math.Max(1, report.Environments.Count);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"deployments-chart\" role=\"img\" aria-label=\"Deployments per {(step == 7 ? "week" : "day")} and environment\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\">\n");
        Axes(svg, max, plotHeight);
        for (var b = 0; b < buckets.Count; b++)
        {
            for (var e = 0; e < report.Environments.Count; e++)
            {
                var environment = report.Environments[e];
                if (!counts.TryGetValue((environment, buckets[b]), out var count))
                {
                    continue;
                }

                var height = (double)count / max * plotHeight;
                var x = Left + (b * group) + (group * 0.1) + (e * bar);
                var day = buckets[b].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"bar\" data-env=\"{E(environment)}\" data-bucket=\"{day}\" data-count=\"{count}\" x=\"{x:0.##}\" y=\"{Top + plotHeight - height:0.##}\" width=\"{bar:0.##}\" height=\"{height:0.##}\" fill=\"{Colours[e % Colours.Count]}\">");
                svg.Append(CultureInfo.InvariantCulture, $"<title>{E(environment)}, {(step == 7 ? "week of " : "")}{day}: {count} deployment{(count == 1 ? "" : "s")}</title></rect>\n");
            }
        }

        // A label under the first, the middle and the last bucket: enough to read the dates without crowding.
        // The outer labels align to the plot's edges, so a date under the last bar is not cut off by the frame.
        foreach (var b in new[] { 0, buckets.Count / 2, buckets.Count - 1 }.Distinct())
        {
            var (x, anchor) = b == 0 ? (Left, "start") : b == buckets.Count - 1 ? (Left + plotWidth, "end") : (Left + (b * group) + (group / 2), "middle");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.##}\" y=\"{Height - 10}\" text-anchor=\"{anchor}\">{buckets[b]:yyyy-MM-dd}</text>\n");
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    public static string LeadTimes(IReadOnlyList<TimeSpan> leadTimes)
    {
        var counts = LeadTimeBands.Select((band, i) => leadTimes.Count(t => t < band.Below && (i == 0 || t >= LeadTimeBands[i - 1].Below))).ToList();
        var max = Math.Max(1, counts.Max());
        var plotWidth = Width - Left - 10;
        var plotHeight = Height - Top - Bottom;
        var slot = (double)plotWidth / LeadTimeBands.Count;

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"lead-time-chart\" role=\"img\" aria-label=\"Lead times for changes\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\">\n");
        Axes(svg, max, plotHeight);
        for (var i = 0; i < LeadTimeBands.Count; i++)
        {
            var height = (double)counts[i] / max * plotHeight;
            var x = Left + (i * slot) + (slot * 0.15);
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"bin\" data-band=\"{E(LeadTimeBands[i].Label)}\" data-count=\"{counts[i]}\" x=\"{x:0.##}\" y=\"{Top + plotHeight - height:0.##}\" width=\"{slot * 0.7:0.##}\" height=\"{height:0.##}\" fill=\"{Colours[0]}\">");
            svg.Append(CultureInfo.InvariantCulture, $"<title>{E(LeadTimeBands[i].Label)}: {counts[i]}</title></rect>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + (i * slot) + (slot / 2):0.##}\" y=\"{Height - 10}\" text-anchor=\"middle\">{E(LeadTimeBands[i].Label)}</text>\n");
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Axes(StringBuilder svg, int max, int plotHeight)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Top + plotHeight}\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{Left}\" y1=\"{Top + plotHeight}\" x2=\"{Width - 10}\" y2=\"{Top + plotHeight}\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{Top + 10}\" text-anchor=\"end\">{max}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{Top + plotHeight}\" text-anchor=\"end\">0</text>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
