using System.Buffers.Binary;
using System.Text.Json;
using Cake.Release.Reporting;
using Cake.Release.Tests.Infrastructure;
using Cake.Release.Tests.Yaml;

namespace Cake.Release.Tests.Reporting;

/// <summary>
/// The HTML status page of <see cref="StatusHistory"/> in a real browser (Debian chromium, headless): it renders to a
/// screenshot, and its filters hide the columns and rows they should when a user changes them, and when the URL asks.
/// </summary>
[Collection(StatusHistoryCollection.Name)]
public sealed class StatusHtmlChromiumTests : IDisposable
{
    // What the page reports as visible: laid-out boxes only, so CSS hiding counts as hidden.
    private const string Visible = """
        JSON.stringify((() => {
          const shown = el => el.getClientRects().length > 0;
          return {
            columns: [...document.querySelectorAll('#status thead th[data-env]')].filter(shown).map(th => th.textContent),
            rows: [...document.querySelectorAll('#status tbody tr')].filter(shown).map(tr => tr.getAttribute('data-service')),
            cells: [...document.querySelectorAll('#status tbody td')].filter(shown).length,
            driftCells: [...document.querySelectorAll('#status tbody td.drift')].filter(shown).map(td => td.closest('tr').getAttribute('data-service') + '@' + td.getAttribute('data-env')),
            empty: shown(document.getElementById('empty')),
            env: document.getElementById('env').value,
            service: document.getElementById('service').value,
            drift: document.getElementById('drift').checked
          };
        })())
        """;

    private readonly TempFolder _temp = new();
    private readonly string _page;

    public StatusHtmlChromiumTests(StatusHistory history)
    {
        _page = Path.Combine(_temp.Path, "status.html");
        var status = TestCake.Context().Status(new StatusSettings { Format = StatusFormat.Html, ConfigFile = history.ConfigFile, Output = _page });
        Assert.Equal(_page, status.OutputFile);
    }

    public void Dispose() => _temp.Dispose();

    private string Url(string query = "") => new Uri(_page).AbsoluteUri + query;

    private static PageState State(HeadlessChromium browser) =>
        JsonSerializer.Deserialize<PageState>(browser.Evaluate(Visible).GetString()!, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    private static void Set(HeadlessChromium browser, string id, string script) =>
        browser.Evaluate($"(() => {{ const control = document.getElementById('{id}'); {script}; control.dispatchEvent(new Event('change', {{ bubbles: true }})); return true; }})()");

    [Fact]
    public void The_page_renders_to_a_real_screenshot()
    {
        var png = Path.Combine(_temp.Path, "status.png");

        var run = HeadlessChromium.Screenshot(Url(), png);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(png), run.ToString());
        var bytes = File.ReadAllBytes(png);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(1280, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(800, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
        Assert.True(bytes.Length > 10_000, $"a {bytes.Length}-byte screenshot is too small to show the matrix");
    }

    [Fact]
    public void The_filters_hide_columns_and_rows_as_the_user_changes_them()
    {
        using var browser = new HeadlessChromium(Url());

        var all = State(browser);
        Assert.Equal(["dev", "staging", "production"], all.Columns);
        Assert.Equal(["blue", "green", "yellow", "red"], all.Rows);
        Assert.Equal(12, all.Cells);
        Assert.Equal(["blue@production", "green@production", "yellow@staging", "red@staging", "red@production"], all.DriftCells);

        Set(browser, "env", "control.value = 'staging'");
        var staging = State(browser);
        Assert.Equal(["staging"], staging.Columns);
        Assert.Equal(["blue", "green", "yellow", "red"], staging.Rows);
        Assert.Equal(4, staging.Cells);

        Set(browser, "drift", "control.checked = true");
        var stagingDrift = State(browser);
        Assert.Equal(["yellow", "red"], stagingDrift.Rows);
        Assert.Equal(["yellow@staging", "red@staging"], stagingDrift.DriftCells);

        Set(browser, "service", "control.value = 'blue'");
        var nothing = State(browser);
        Assert.Empty(nothing.Rows);
        Assert.True(nothing.Empty);

        Set(browser, "env", "control.value = ''");
        var blueDrift = State(browser);
        Assert.Equal(["dev", "staging", "production"], blueDrift.Columns);
        Assert.Equal(["blue"], blueDrift.Rows);
        Assert.False(blueDrift.Empty);

        Set(browser, "drift", "control.checked = false");
        Set(browser, "service", "control.value = ''");
        Assert.Equal(12, State(browser).Cells);
    }

    [Fact]
    public void The_filters_are_read_from_the_url_on_load()
    {
        using var browser = new HeadlessChromium(Url("?env=production&drift=1"));

        var production = State(browser);
        Assert.Equal(("production", "", true), (production.Env, production.Service, production.Drift));
        Assert.Equal(["production"], production.Columns);
        Assert.Equal(["blue", "green", "red"], production.Rows);

        browser.Navigate(Url("?service=red"));
        var red = State(browser);
        Assert.Equal(["dev", "staging", "production"], red.Columns);
        Assert.Equal(["red"], red.Rows);
        Assert.Equal(3, red.Cells);

        // A name the page does not know leaves that filter open rather than hiding everything.
        browser.Navigate(Url("?env=nowhere"));
        Assert.Equal(4, State(browser).Rows.Count);
    }

    private sealed record PageState(List<string> Columns, List<string> Rows, int Cells, List<string> DriftCells, bool Empty, string Env, string Service, bool Drift);
}
