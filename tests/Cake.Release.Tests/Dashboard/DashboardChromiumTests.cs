using System.Text.Json;
using Cake.Release.Tests.Fragments;
using Cake.Release.Tests.Reporting;

namespace Cake.Release.Tests.Dashboard;

/// <summary>
/// The live dashboard in headless Chromium, driven over the DevTools protocol: what the matrix shows, the filters,
/// a fragment published during the test appearing without a reload, the component page, hostile text. Each test saves
/// a screenshot under artifacts/test-results/screenshots.
/// </summary>
public sealed class DashboardChromiumTests : IDisposable
{
    // Generous: the server reads every second; this bounds a hung run, it is not what the tests assert.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private const string State = """
        JSON.stringify({
          rows: [...document.querySelectorAll('#status tbody tr')].map(tr => tr.getAttribute('data-component')),
          columns: [...document.querySelectorAll('#status thead th[data-env]')].map(th => th.textContent),
          cells: Object.fromEntries([...document.querySelectorAll('#status tbody td[data-env]')].map(td => [td.closest('tr').getAttribute('data-component') + '@' + td.getAttribute('data-env'), td.textContent.trim()])),
          incomplete: [...document.querySelectorAll('#status td.incomplete')].map(td => td.closest('tr').getAttribute('data-component') + '@' + td.getAttribute('data-env')),
          images: document.images.length,
          pwned: window.__pwned === 1,
          marker: window.__marker || null,
          updates: document.body.getAttribute('data-updates'),
          search: location.search,
          kind: document.getElementById('kind') ? document.getElementById('kind').value : null
        })
        """;

    private readonly DashboardSite _site = new();

    public void Dispose() => _site.Dispose();

    private static PageState Read(HeadlessChromium browser) =>
        JsonSerializer.Deserialize<PageState>(browser.Evaluate(State).GetString()!, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    // The page may be between two documents (a filter navigates): ask again until it answers what is expected.
    private static PageState Until(HeadlessChromium browser, Func<PageState, bool> expected, string what)
    {
        var deadline = DateTime.UtcNow + Deadline;
        PageState? last = null;
        while (true)
        {
            try
            {
                last = Read(browser);
                if (expected(last))
                {
                    return last;
                }
            }
            catch (InvalidOperationException) when (DateTime.UtcNow < deadline)
            {
                // A navigation destroyed the context the evaluation ran in.
            }

            Assert.True(DateTime.UtcNow < deadline, $"the page never showed {what}; last: {JsonSerializer.Serialize(last)}");
            Thread.Sleep(100);
        }
    }

    [Fact]
    public void The_matrix_shows_the_components_of_both_repositories_marks_the_incomplete_release_and_shows_hostile_text_as_text()
    {
        using var browser = new HeadlessChromium(_site.Url.AbsoluteUri);

        var page = Read(browser);
        browser.SaveScreenshot(DashboardSite.Screenshot("dashboard-matrix"));

        Assert.Equal(
            ["github.com/acme/shop/api", "github.com/acme/shop/web", "gitlab.example.com/pay/ledger/ledger", "gitlab.example.com/pay/ledger/ledger-events"],
            page.Rows);
        Assert.Equal(["dev", "staging", "production", "prod"], page.Columns);
        Assert.Equal(["github.com/acme/shop/web@production"], page.Incomplete);
        Assert.Contains("incomplete: 1.4.0 is in production for github.com/acme/shop/api, not here", page.Cells["github.com/acme/shop/web@production"], StringComparison.Ordinal);
        Assert.Contains("by " + DashboardSite.Hostile, page.Cells["github.com/acme/shop/api@production"], StringComparison.Ordinal);
        Assert.Equal(0, page.Images);
        Assert.False(page.Pwned);
    }

    [Fact]
    public void The_filter_controls_narrow_the_matrix_and_put_the_view_in_the_query_string()
    {
        using var browser = new HeadlessChromium(_site.Url.AbsoluteUri);

        browser.Evaluate("(() => { const s = document.getElementById('kind'); s.value = 'frontend'; s.dispatchEvent(new Event('change')); return true; })()");
        var frontend = Until(browser, p => p.Search == "?kind=frontend", "?kind=frontend");
        Assert.Equal(["github.com/acme/shop/web"], frontend.Rows);
        Assert.Equal("frontend", frontend.Kind);

        browser.Evaluate("(() => { const s = document.getElementById('env'); s.value = 'production'; s.dispatchEvent(new Event('change')); return true; })()");
        var production = Until(browser, p => p.Search == "?kind=frontend&env=production", "?kind=frontend&env=production");
        browser.SaveScreenshot(DashboardSite.Screenshot("dashboard-filtered"));
        Assert.Equal(["github.com/acme/shop/web"], production.Rows);
        Assert.Equal(["production"], production.Columns);
        Assert.Equal(["github.com/acme/shop/web@production"], production.Cells.Keys);

        // A shared link opens the same view.
        browser.Navigate(new Uri(_site.Url, "/?kind=kafka").AbsoluteUri);
        Assert.Equal(["gitlab.example.com/pay/ledger/ledger-events"], Read(browser).Rows);
    }

    [Fact]
    public async Task A_fragment_published_while_the_page_is_open_appears_without_a_reload()
    {
        using var browser = new HeadlessChromium(_site.Url.AbsoluteUri);
        browser.Evaluate("window.__marker = 'this document'");
        Assert.StartsWith("0.8.0", Read(browser).Cells["gitlab.example.com/pay/ledger/ledger@prod"], StringComparison.Ordinal);

        // ledger 0.9.0 reaches prod; the 0.8.0 fact keeps its current mark for now, as a racing publisher may leave it.
        await ReleaseRecordSeed.Put(_site.Client, ReleaseRecordSeed.Fact(ReleaseRecordSeed.Ledger, "backend", "ledger", "0.9.0", "prod", 30, from: "dev"), current: true);

        var updated = Until(browser, p => p.Cells["gitlab.example.com/pay/ledger/ledger@prod"].StartsWith("0.9.0", StringComparison.Ordinal), "ledger 0.9.0 in prod");
        browser.SaveScreenshot(DashboardSite.Screenshot("dashboard-live-update"));
        Assert.Equal("this document", updated.Marker);
        Assert.NotNull(updated.Updates);
        Assert.DoesNotContain("behind", updated.Cells["gitlab.example.com/pay/ledger/ledger@prod"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_component_page_shows_its_history_in_time_order_with_hostile_text_as_text()
    {
        using var browser = new HeadlessChromium(new Uri(_site.Url, "/component/" + Uri.EscapeDataString(ReleaseRecordSeed.Shop) + "/api").AbsoluteUri);

        var history = JsonSerializer.Deserialize<List<List<string>>>(browser.Evaluate(
            "JSON.stringify([...document.querySelectorAll('#history tbody tr')].map(tr => [...tr.cells].map(td => td.textContent)))").GetString()!)!;
        browser.SaveScreenshot(DashboardSite.Screenshot("dashboard-component"));

        Assert.Equal(
            ["1.3.0 (released)", "1.3.0 production", "1.4.0 (released)", "1.4.0 dev", "1.4.0 staging", "1.4.0 production"],
            history.Select(row => $"{row[2]} {row[1]}"));
        Assert.Equal(history.Select(row => row[0]).Order(StringComparer.Ordinal), history.Select(row => row[0]));
        Assert.Equal(DashboardSite.Hostile, history[^1][5]);
        Assert.Equal(0, browser.Evaluate("document.images.length").GetInt32());
        Assert.Equal("github.com/acme/shop/api", browser.Evaluate("document.querySelector('h1').textContent").GetString());
    }

    private sealed record PageState(List<string> Rows, List<string> Columns, Dictionary<string, string> Cells, List<string> Incomplete, int Images, bool Pwned, string? Marker, string? Updates, string Search, string? Kind);
}
