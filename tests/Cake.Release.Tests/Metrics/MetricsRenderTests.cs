using System.Text.Json;
using Cake.Release.Metrics;

namespace Cake.Release.Tests.Metrics;

/// <summary>The four formats of one small report: the JSON shape the README documents, and names escaped where markup could run.</summary>
public sealed class MetricsRenderTests
{
    private const string Hostile = "<script>alert(1)</script>";
    private static readonly MetricsWindow Week = new(new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), new(2026, 11, 8, 0, 0, 0, TimeSpan.Zero));

    private static DeliveryReport Report()
    {
        DeploymentEvent[] events =
        [
            new("blue", "production", "1.0.0", "sha256:aa", "c1", new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero), DeploymentKind.Promote, new(2026, 11, 1, 10, 0, 0, TimeSpan.Zero)),
            new("blue", "production", "0.9.0", "sha256:bb", "c0", new(2026, 11, 2, 10, 40, 0, TimeSpan.Zero), DeploymentKind.Rollback),
            new(Hostile, "dev", "sha-1", "sha256:cc", "c2", new(2026, 11, 3, 8, 0, 0, TimeSpan.Zero), DeploymentKind.Deploy),
        ];
        return DeliveryMetrics.Compute(events, Week, ["dev", "production"], ["blue", Hostile], "production");
    }

    [Fact]
    public void Json_has_the_documented_keys_in_order_with_seconds_and_rates()
    {
        using var json = JsonDocument.Parse(MetricsJson.Render(Report()));
        var root = json.RootElement;

        Assert.Equal(["schema", "window", "production", "environments", "services", "metrics", "totals", "deployments"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, root.GetProperty("schema").GetInt32());
        Assert.Equal("2026-11-01T00:00:00Z", root.GetProperty("window").GetProperty("since").GetString());
        Assert.Equal(7, root.GetProperty("window").GetProperty("days").GetDouble());
        var blue = root.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("service").GetString() == "blue" && m.GetProperty("environment").GetString() == "production");
        Assert.Equal(
            ["service", "environment", "deployments", "deploymentsPerDay", "deploymentsPerWeek", "leadTimeSeconds", "failures", "changeFailureRate", "timeToRestoreSeconds", "rollbacks", "hotfixes"],
            blue.EnumerateObject().Select(p => p.Name));
        // One deployment in 7 days: 1 a week; lead time 11-01T10 → 11-02T10 = 86400 s; rolled back 40 minutes later = 2400 s.
        Assert.Equal((1, 1.0, 86400, 1, 1.0, 2400), (
            blue.GetProperty("deployments").GetInt32(),
            blue.GetProperty("deploymentsPerWeek").GetDouble(),
            blue.GetProperty("leadTimeSeconds").GetProperty("median").GetInt32(),
            blue.GetProperty("failures").GetInt32(),
            blue.GetProperty("changeFailureRate").GetDouble(),
            blue.GetProperty("timeToRestoreSeconds").GetProperty("median").GetInt32()));
        var devTotal = root.GetProperty("totals").EnumerateArray().First();
        Assert.Equal(JsonValueKind.Null, devTotal.GetProperty("service").ValueKind);
        Assert.Equal(JsonValueKind.Null, devTotal.GetProperty("leadTimeSeconds").GetProperty("median").ValueKind);
        Assert.Equal(["promote", "rollback", "deploy"], root.GetProperty("deployments").EnumerateArray().Select(d => d.GetProperty("kind").GetString()));
    }

    [Fact]
    public void Html_and_Markdown_escape_a_service_name_that_is_markup()
    {
        var html = MetricsHtml.Render(Report());
        var markdown = MetricsMarkdown.Render(Report());

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script", markdown, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", markdown);
    }

    [Fact]
    public void The_table_shows_each_environment_with_its_total_and_the_production_headline()
    {
        var lines = MetricsTable.Render(Report()).Split('\n');

        Assert.Equal("Delivery metrics (DORA) 2026-11-01 → 2026-11-08 (7d)", lines[0]);
        var blue = lines.Single(l => l.StartsWith("production   blue", StringComparison.Ordinal));
        // 1 deployment, 1 a week, lead time 1d (p50 and p90), 1 of 1 failed, restored in 40m.
        Assert.Equal(["production", "blue", "1", "1", "1d", "1d", "100%", "(1/1)", "40m"], blue.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(lines, l => l.StartsWith("dev          (all)", StringComparison.Ordinal));
        Assert.Equal("production: 1 deployment (1 per week), lead time p50 1d (p90 1d), change failure rate 100% (1/1), time to restore p50 40m", lines.Last(l => l.Length > 0));
    }
}
