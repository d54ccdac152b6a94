using System.Globalization;
using System.Net;
using System.Text;

namespace Cake.Release.Reporting;

/// <summary>
/// The status matrix as one self-contained HTML page: styles and script inline, nothing fetched, so it can be kept as
/// a CI artifact and opened anywhere. Environments are columns, services rows; drift cells are coloured, with a
/// legend. An environment select, a service select and a "drift only" box filter the table; the page also reads them
/// from its URL (<c>?env=staging&amp;service=blue&amp;drift=1</c>), so a filtered view can be linked.
/// </summary>
public static class StatusHtml
{
    /// <summary>The page. Every name, version and date from the manifests is HTML-escaped; the script reads only attributes.</summary>
    /// <param name="status">The matrix.</param>
    public static string Render(ReleaseStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>Release status</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>Release status</h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"at\">As of <time datetime=\"{E(Iso(status.At))}\">{E(status.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))} UTC</time>: version, digest (first 12 hex digits) and age per environment.</p>\n");

        html.Append("<form id=\"filters\" onsubmit=\"return false\">\n");
        Select(html, "env", "Environment", "All environments", status.Environments);
        Select(html, "service", "Service", "All services", status.Services);
        html.Append("<label><input type=\"checkbox\" id=\"drift\" name=\"drift\" value=\"1\"> Drift only</label>\n</form>\n");

        html.Append("<table id=\"status\">\n<thead>\n<tr><th scope=\"col\">service</th>");
        foreach (var environment in status.Environments)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\" data-env=\"{E(environment)}\">{E(environment)}</th>");
        }

        html.Append("</tr>\n</thead>\n<tbody>\n");
        foreach (var service in status.Services)
        {
            var name = status.SpansRepositories ? $"{status.Component(service).Kind} {service}" : service;
            html.Append(CultureInfo.InvariantCulture, $"<tr data-service=\"{E(service)}\"><th scope=\"row\">{E(name)}</th>");
            foreach (var environment in status.Environments)
            {
                Cell(html, status.Cell(service, environment));
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n<p id=\"empty\" hidden>Nothing matches the filter.</p>\n");
        html.Append("<section class=\"legend\">\n<h2>Drift</h2>\n<ul>\n");
        foreach (var mark in DriftMarks.All)
        {
            var name = DriftMarks.Name(mark);
            html.Append(CultureInfo.InvariantCulture, $"<li><span class=\"swatch {E(name)}\"></span><span class=\"mark\">{E(name)}</span>: {E(DriftMarks.Meaning(mark))}</li>\n");
        }

        html.Append("</ul>\n</section>\n<script>\n").Append(Script).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Select(StringBuilder html, string id, string label, string all, IEnumerable<string> values)
    {
        html.Append(CultureInfo.InvariantCulture, $"<label>{E(label)} <select id=\"{id}\" name=\"{id}\"><option value=\"\">{E(all)}</option>");
        foreach (var value in values)
        {
            html.Append(CultureInfo.InvariantCulture, $"<option value=\"{E(value)}\">{E(value)}</option>");
        }

        html.Append("</select></label>\n");
    }

    private static void Cell(StringBuilder html, StatusCell cell)
    {
        var classes = new List<string> { "cell" };
        if (!cell.Runs)
        {
            classes.Add("absent");
        }

        if (cell.Drift.Count > 0)
        {
            classes.Add("drift");
            classes.AddRange(cell.DriftNames);
        }

        html.Append(CultureInfo.InvariantCulture, $"<td data-env=\"{E(cell.Environment)}\" data-drift=\"{E(string.Join(' ', cell.DriftNames))}\" class=\"{E(string.Join(' ', classes))}\"");
        if (cell.Entry is { } entry)
        {
            var title = $"{entry.Image}@{entry.Digest ?? "(no digest)"}\ncommit {entry.Commit ?? "(unknown)"}\ndeployed {Iso(entry.Deployed)}{(entry.By is null ? "" : " by " + entry.By)}{(entry.From is null ? "" : " from " + entry.From)}";
            html.Append(CultureInfo.InvariantCulture, $" title=\"{E(title)}\"><span class=\"version\">{E(entry.Version)}</span> ");
            html.Append(CultureInfo.InvariantCulture, $"<code class=\"digest\">{E(cell.ShortDigest ?? "no digest")}</code> ");
            if (cell.Configuration is { } configuration)
            {
                html.Append(CultureInfo.InvariantCulture, $"<code class=\"config\" title=\"configuration rendered from {E(configuration)}\">config {E(ShortCommit.Of(configuration))}</code> ");
            }

            html.Append(CultureInfo.InvariantCulture, $"<time class=\"age\" datetime=\"{E(Iso(entry.Deployed))}\">{E(cell.Age!)}</time>");
        }
        else
        {
            html.Append("><span class=\"none\">not deployed</span>");
        }

        foreach (var name in cell.DriftNames)
        {
            html.Append(CultureInfo.InvariantCulture, $" <span class=\"mark\">{E(name)}</span>");
        }

        if (cell.Incomplete is { } note)
        {
            html.Append(CultureInfo.InvariantCulture, $" <span class=\"note\">{E(note)}</span>");
        }

        html.Append("</td>");
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Style = """
        :root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; }
        body { margin: 2rem; }
        h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
        h2 { font-size: 1rem; margin: 1.5rem 0 .5rem; }
        .at { color: #59636e; margin: 0 0 1rem; }
        form { display: flex; gap: 1.5rem; align-items: center; margin-bottom: 1rem; flex-wrap: wrap; }
        select { font: inherit; padding: .15rem .3rem; }
        table { border-collapse: collapse; }
        th, td { border: 1px solid #d1d9e0; padding: .45rem .7rem; text-align: left; vertical-align: top; }
        thead th { background: #f6f8fa; }
        tbody th { font-weight: 600; }
        .version { font-weight: 600; }
        .digest { font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; font-size: .85em; color: #59636e; }
        .age { color: #59636e; font-size: .9em; }
        .none { color: #8c959f; }
        .mark { display: inline-block; border-radius: 1em; padding: 0 .5em; font-size: .8em; font-weight: 600; background: #fff; border: 1px solid currentColor; }
        td.drift { font-weight: 500; }
        td.behind, .swatch.behind { background: #fff1c2; }
        td.behind .mark { color: #7d4e00; }
        td.config-behind, .swatch.config-behind { background: #e3ecff; }
        td.config-behind .mark { color: #1f4fa8; }
        td.digest-mismatch, .swatch.digest-mismatch { background: #ffd8d3; }
        td.digest-mismatch .mark { color: #a40e26; }
        td.incomplete, .swatch.incomplete { background: #ffe2cc; }
        td.incomplete .mark { color: #953800; }
        .note { display: block; font-size: .8em; color: #7d2e00; }
        td.unverified, .swatch.unverified { background: repeating-linear-gradient(45deg, #eaeef2, #eaeef2 6px, #f6f8fa 6px, #f6f8fa 12px); }
        .legend ul { list-style: none; padding: 0; margin: 0; }
        .legend li { margin: .3rem 0; }
        .swatch { display: inline-block; width: 1em; height: 1em; border: 1px solid #d1d9e0; vertical-align: middle; margin-right: .4em; }
        [hidden] { display: none !important; }

        """;

    // Filters hide whole columns (environment) and rows (service; "drift only" keeps rows with a drifting cell among
    // the shown columns). The state comes from the URL on load and goes back into it, so a view can be shared.
    private const string Script = """
        (function () {
          'use strict';
          var env = document.getElementById('env');
          var service = document.getElementById('service');
          var drift = document.getElementById('drift');
          var table = document.getElementById('status');

          function choose(select, value) {
            for (var i = 0; i < select.options.length; i++) {
              if (select.options[i].value === value) { select.value = value; return; }
            }
          }

          function apply() {
            var e = env.value, s = service.value, d = drift.checked, shown = 0;
            table.querySelectorAll('[data-env]').forEach(function (cell) {
              cell.hidden = e !== '' && cell.getAttribute('data-env') !== e;
            });
            table.querySelectorAll('tbody tr').forEach(function (row) {
              var visible = s === '' || row.getAttribute('data-service') === s;
              if (visible && d) {
                visible = Array.prototype.some.call(row.querySelectorAll('td.drift'), function (cell) { return !cell.hidden; });
              }
              row.hidden = !visible;
              if (visible) { shown++; }
            });
            document.getElementById('empty').hidden = shown > 0;
            try {
              var query = new URLSearchParams();
              if (e) { query.set('env', e); }
              if (s) { query.set('service', s); }
              if (d) { query.set('drift', '1'); }
              var search = query.toString();
              history.replaceState(null, '', search ? '?' + search : location.pathname);
            } catch (ignored) { /* a file:// page may not rewrite its URL; the filter still applies */ }
          }

          var query = new URLSearchParams(location.search);
          choose(env, query.get('env') || '');
          choose(service, query.get('service') || '');
          drift.checked = query.get('drift') === '1' || query.get('drift') === 'true';
          [env, service, drift].forEach(function (control) { control.addEventListener('change', apply); });
          apply();
        })();

        """;
}
