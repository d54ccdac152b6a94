using System.Globalization;
using Cake.Release.Config;

namespace Cake.Release.Metrics;

/// <summary>How every format writes the figures: durations as release.yaml writes them, rates as percentages.</summary>
internal static class MetricsText
{
    public const string None = "-";

    /// <summary>The cells of one row: deployments, per week, lead time p50 and p90, change failure rate, time to restore p50.</summary>
    public static IReadOnlyList<string> Cells(DeliveryFigures figures) =>
    [
        figures.Deployments.ToString(CultureInfo.InvariantCulture),
        Number(figures.PerWeek),
        Duration(figures.LeadTimeMedian),
        Duration(figures.LeadTimeP90),
        Rate(figures),
        Duration(figures.TimeToRestoreMedian),
    ];

    public static readonly IReadOnlyList<string> Headers =
        ["deployments", "per week", "lead time p50", "lead time p90", "change failure rate", "time to restore p50"];

    /// <summary><c>2d3h</c>, <c>45m</c>; under a minute in seconds (<c>40s</c>), so a quick rollback does not read as none.</summary>
    public static string Duration(TimeSpan? span) => span switch
    {
        null => None,
        { } value when value < TimeSpan.FromMinutes(1) => $"{Math.Max(0, (int)value.TotalSeconds)}s",
        { } value => DurationText.Of(value),
    };

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary><c>33% (1/3)</c>: the count beside the rate, since 1 of 3 and 100 of 300 are not the same evidence.</summary>
    public static string Rate(DeliveryFigures figures) => figures.ChangeFailureRate is { } rate
        ? $"{(rate * 100).ToString("0.#", CultureInfo.InvariantCulture)}% ({figures.Failures}/{figures.Deployments})"
        : None;

    public static string Window(MetricsWindow window) => $"{window} ({DurationText.Of(window.Until - window.Since)})";

    /// <summary>One sentence of the production keys, for the end of the table and the top of the page.</summary>
    public static string Headline(DeliveryReport report)
    {
        var total = report.ProductionTotal;
        return $"{report.Production}: {total.Deployments} deployment{(total.Deployments == 1 ? "" : "s")} ({Number(total.PerWeek)} per week), "
            + $"lead time p50 {Duration(total.LeadTimeMedian)} (p90 {Duration(total.LeadTimeP90)}), "
            + $"change failure rate {Rate(total)}, time to restore p50 {Duration(total.TimeToRestoreMedian)}";
    }

    /// <summary>What an empty report says instead of a table of zeros alone.</summary>
    public static string Empty(DeliveryReport report) =>
        $"No deployments in the window {Window(report.Window)}: no manifest on the GitOps branches changed then.";
}
