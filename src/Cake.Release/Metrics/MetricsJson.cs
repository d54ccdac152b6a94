using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Cake.Release.Metrics;

/// <summary>
/// Delivery metrics as one JSON object, schema 1 (the README's "Delivery metrics (DORA)" documents it): keys always
/// present and in the same order, durations in whole seconds, rates from 0 to 1, <c>null</c> where there is nothing
/// to measure. A new key may be added in a later version; none is renamed or removed without a new schema number.
/// </summary>
public static class MetricsJson
{
    /// <summary>The current schema number, the first key of the object.</summary>
    public const int Schema = 1;

    /// <summary>The report; indented, LF line endings, a final newline.</summary>
    /// <param name="report">The metrics.</param>
    public static string Render(DeliveryReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        // Relaxed escaping keeps '+' in versions and '→' readable; the file is data, never pasted into a page.
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("schema", Schema);
            json.WriteStartObject("window");
            json.WriteString("since", Time(report.Window.Since));
            json.WriteString("until", Time(report.Window.Until));
            json.WriteNumber("days", Math.Round(report.Window.Days, 4));
            json.WriteEndObject();
            json.WriteString("production", report.Production);
            Strings(json, "environments", report.Environments);
            Strings(json, "services", report.Services);
            json.WriteStartArray("metrics");
            report.Figures.ToList().ForEach(figures => Figures(json, figures));
            json.WriteEndArray();
            json.WriteStartArray("totals");
            report.Totals.ToList().ForEach(figures => Figures(json, figures));
            json.WriteEndArray();
            json.WriteStartArray("deployments");
            foreach (var change in report.Events)
            {
                json.WriteStartObject();
                json.WriteString("service", change.Service);
                json.WriteString("environment", change.Environment);
                json.WriteString("kind", change.Kind.ToString().ToLowerInvariant());
                json.WriteString("version", change.Version);
                json.WriteString("digest", change.Digest);
                json.WriteString("commit", change.SourceCommit);
                json.WriteString("deployed", Time(change.Deployed));
                json.WriteString("firstCommit", change.FirstCommitAt is { } first ? Time(first) : null);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Figures(Utf8JsonWriter json, DeliveryFigures figures)
    {
        json.WriteStartObject();
        json.WriteString("service", figures.Service);
        json.WriteString("environment", figures.Environment);
        json.WriteNumber("deployments", figures.Deployments);
        json.WriteNumber("deploymentsPerDay", Math.Round(figures.PerDay, 4));
        json.WriteNumber("deploymentsPerWeek", Math.Round(figures.PerWeek, 4));
        json.WriteStartObject("leadTimeSeconds");
        json.WriteNumber("count", figures.LeadTimes.Count);
        Seconds(json, "median", figures.LeadTimeMedian);
        Seconds(json, "p90", figures.LeadTimeP90);
        json.WriteEndObject();
        json.WriteNumber("failures", figures.Failures);
        if (figures.ChangeFailureRate is { } rate)
        {
            json.WriteNumber("changeFailureRate", Math.Round(rate, 4));
        }
        else
        {
            json.WriteNull("changeFailureRate");
        }

        json.WriteStartObject("timeToRestoreSeconds");
        json.WriteNumber("count", figures.Restores.Count);
        Seconds(json, "median", figures.TimeToRestoreMedian);
        json.WriteEndObject();
        json.WriteNumber("rollbacks", figures.Rollbacks);
        json.WriteNumber("hotfixes", figures.Hotfixes);
        json.WriteEndObject();
    }

    private static void Seconds(Utf8JsonWriter json, string name, TimeSpan? span)
    {
        if (span is { } value)
        {
            json.WriteNumber(name, (long)Math.Round(value.TotalSeconds));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
