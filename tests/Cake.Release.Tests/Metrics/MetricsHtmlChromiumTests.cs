using System.Buffers.Binary;
using System.Text.Json;
using Cake.Release.Metrics;
using Cake.Release.Tests.Infrastructure;
using Cake.Release.Tests.Reporting;
using Cake.Release.Tests.Yaml;

namespace Cake.Release.Tests.Metrics;

/// <summary>
/// The metrics page of a week of hand-written history (<see cref="HandWrittenHistory"/>) in a real browser (Debian
/// chromium, headless): it renders to a screenshot, its two SVG charts have the bars the history implies, and a
/// service named as a script tag is shown as text, never run.
/// </summary>
public sealed class MetricsHtmlChromiumTests : IDisposable
{
    private const string Bars = """
        JSON.stringify({
          deployments: [...document.querySelectorAll('#deployments-chart rect.bar')].map(r => r.getAttribute('data-env') + '@' + r.getAttribute('data-bucket') + '=' + r.getAttribute('data-count')),
          bins: [...document.querySelectorAll('#lead-time-chart rect.bin')].map(r => r.getAttribute('data-band') + '=' + r.getAttribute('data-count')),
          drawn: [...document.querySelectorAll('#deployments-chart rect.bar')].every(r => r.getBoundingClientRect().height > 0),
          scripts: document.querySelectorAll('script').length,
          hostile: [...document.querySelectorAll('#metrics tbody tr')].map(tr => tr.getAttribute('data-service')).filter(s => s.startsWith('<')),
          alerted: window.__alerted === true
        })
        """;

    private readonly HandWrittenHistory _history = new();
    private readonly TempFolder _temp = new();
    private readonly string _page;
    private readonly DeliveryReport _report;

    public MetricsHtmlChromiumTests()
    {
        // Commits on main, authored on the dates a release's lead time starts from.
        var blue1 = _history.CommitOnMain("projects/blue/app.txt", "2026-10-31T10:00:00");
        var green1 = _history.CommitOnMain("projects/green/app.txt", "2026-11-01T10:00:00");
        var blue2 = _history.CommitOnMain("projects/blue/app.txt", "2026-11-04T08:30:00");
        _history.Write("staging", "gitops/staging-releases",
            ("promote(blue): 1.0.0-rc.1 dev → staging", [("blue", HandWrittenHistory.Entry("1.0.0-rc.1", "2026-11-01T12:00:00", blue1, "dev"))]),
            ("promote(blue): 1.1.0-rc.1 dev → staging", [("blue", HandWrittenHistory.Entry("1.1.0-rc.1", "2026-11-03T12:00:00", blue2, "dev"))]));
        var blue100 = ("blue", HandWrittenHistory.Entry("1.0.0", "2026-11-02T10:00:00", blue1));
        var green100 = ("green", HandWrittenHistory.Entry("1.0.0", "2026-11-02T11:00:00", green1));
        var blueBack = ("blue", HandWrittenHistory.Entry("1.0.0", "2026-11-04T09:30:00", blue1, from: null));
        _history.Write("production", "gitops/production-releases",
            ("promote(blue): 1.0.0 staging → production", [blue100]),
            ("promote(green): 1.0.0 staging → production", [blue100, green100]),
            ("promote(blue): 1.1.0 staging → production", [("blue", HandWrittenHistory.Entry("1.1.0", "2026-11-04T09:00:00", blue2)), green100]),
            ("rollback(blue): 1.0.0 → production", [blueBack, green100]),
            ($"promote({HandWrittenHistory.Hostile}): 0.1.0 staging → production", [blueBack, green100, (HandWrittenHistory.Hostile, HandWrittenHistory.Entry("0.1.0", "2026-11-05T08:00:00", blue1))]));

        _page = Path.Combine(_temp.Path, "metrics.html");
        var context = TestCake.Context();
        // The page's own check that nothing it holds runs: a script tag that ran would call this.
        _report = context.Metrics(new MetricsSettings
        {
            ConfigFile = _history.ConfigFile,
            Format = MetricsFormat.Html,
            Output = _page,
            Since = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
            Until = new DateTimeOffset(2026, 11, 8, 0, 0, 0, TimeSpan.Zero),
        });
        File.WriteAllText(_page, File.ReadAllText(_page).Replace("<head>", "<head><script>window.alert = () => { window.__alerted = true; };</script>", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _temp.Dispose();
        _history.Dispose();
    }

    private string Url => new Uri(_page).AbsoluteUri;

    [Fact]
    public void The_page_renders_to_a_real_screenshot()
    {
        var png = Path.Combine(_temp.Path, "metrics.png");

        var run = HeadlessChromium.Screenshot(Url, png);

        Assert.True(run.ExitCode == 0, run.ToString());
        var bytes = File.ReadAllBytes(png);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.Equal(1280, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.True(bytes.Length > 10_000, $"a {bytes.Length}-byte screenshot is too small to show the charts");
    }

    [Fact]
    public void The_charts_have_a_bar_per_environment_and_day_with_deployments_and_a_bar_per_lead_time_band()
    {
        using var browser = new HeadlessChromium(Url);

        var page = JsonSerializer.Deserialize<PageState>(browser.Evaluate(Bars).GetString()!, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

        // staging: 11-01 and 11-03; production: blue and green on 11-02, blue 1.1.0 on 11-04 (its rollback is not a
        // deployment), the hostile service on 11-05. Five bars, six deployments.
        Assert.Equal(
            ["staging@2026-11-01=1", "production@2026-11-02=2", "staging@2026-11-03=1", "production@2026-11-04=1", "production@2026-11-05=1"],
            page.Deployments);
        Assert.True(page.Drawn);
        // Production lead times: blue 1.0.0 10-31T10 → 11-02T10 = 2d; green 11-01T10 → 11-02T11 = 1d1h; blue 1.1.0
        // 11-04T08:30 → 09:00 = 30m (only blue2 since blue 1.0.0's source); the hostile service has no paths, so none.
        Assert.Equal(["< 1h=1", "1h–1d=0", "1d–1w=2", "1w–30d=0", "≥ 30d=0"], page.Bins);
        Assert.Equal(1, page.Scripts);
        // Its name reads back as text from its rows (one per environment), so the page holds it escaped, not as a tag.
        Assert.Equal([HandWrittenHistory.Hostile, HandWrittenHistory.Hostile, HandWrittenHistory.Hostile], page.Hostile);
        Assert.False(page.Alerted);
    }

    [Fact]
    public void The_report_counts_the_rollback_as_blue_1_1_0_failing_and_escapes_the_hostile_name()
    {
        var blue = _report.Of("blue", "production");

        // 1.0.0 and 1.1.0 deployed; 1.1.0 rolled back 30 minutes later: 1 of 2.
        Assert.Equal((2, 1, TimeSpan.FromMinutes(30)), (blue.Deployments, blue.Failures, blue.TimeToRestoreMedian));
        Assert.Equal(["blue", "green", HandWrittenHistory.Hostile], _report.Services);
        Assert.DoesNotContain("<script>alert", File.ReadAllText(_page), StringComparison.Ordinal);

        var markdown = TestCake.Context().Metrics(new MetricsSettings
        {
            ConfigFile = _history.ConfigFile,
            Format = MetricsFormat.Markdown,
            Since = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
            Until = new DateTimeOffset(2026, 11, 8, 0, 0, 0, TimeSpan.Zero),
        });
        Assert.DoesNotContain("<script", MetricsMarkdown.Render(markdown), StringComparison.Ordinal);
        Assert.Contains("| production | &lt;script&gt;alert(1)&lt;/script&gt; | 1 |", MetricsMarkdown.Render(markdown));
    }

    private sealed record PageState(List<string> Deployments, List<string> Bins, bool Drawn, int Scripts, List<string> Hostile, bool Alerted);
}
