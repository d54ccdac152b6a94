namespace Cake.Release.Dashboard;

/// <summary>
/// The dashboard's stylesheet and script, served by the dashboard itself (nothing is fetched from elsewhere), as files
/// so that the Content-Security-Policy can allow <c>'self'</c> and no inline code at all.
/// </summary>
internal static class DashboardAssets
{
    public const string StylePath = "/assets/dashboard.css";

    public const string ScriptPath = "/assets/dashboard.js";

    public const string Style = """
        :root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; }
        body { margin: 1.5rem 2rem; }
        h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
        h2 { font-size: 1rem; margin: 1.5rem 0 .5rem; }
        a { color: #0969da; }
        .at { color: #59636e; margin: 0 0 .75rem; }
        form { display: flex; gap: 1.25rem; align-items: center; margin: .75rem 0 1rem; flex-wrap: wrap; }
        select { font: inherit; padding: .15rem .3rem; }
        table { border-collapse: collapse; }
        th, td { border: 1px solid #d1d9e0; padding: .4rem .6rem; text-align: left; vertical-align: top; }
        thead th { background: #f6f8fa; }
        tbody th { font-weight: 600; }
        .repository, .kind { color: #59636e; font-size: .9em; }
        .version { font-weight: 600; }
        .digest, code { font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; font-size: .85em; color: #59636e; }
        .age, .by { color: #59636e; font-size: .85em; }
        .none { color: #8c959f; }
        .note { display: block; font-size: .8em; color: #7d2e00; max-width: 28em; }
        .mark { display: inline-block; border-radius: 1em; padding: 0 .5em; font-size: .8em; font-weight: 600; border: 1px solid currentColor; background: #fff; }
        td.behind { background: #fff1c2; }
        td.incomplete { background: #ffe2cc; }
        td.digest-mismatch { background: #ffd8d3; }
        td.config-behind { background: #e3ecff; }
        .mark.behind { color: #7d4e00; }
        .mark.incomplete { color: #953800; }
        .mark.digest-mismatch { color: #a40e26; }
        .problem { background: #ffebe9; border: 1px solid #ff8182; padding: .5rem .75rem; }
        .legend ul { list-style: none; padding: 0; }
        .legend li { margin: .3rem 0; }

        """;

    // Filters navigate (the view lives in the query string, so a link shares it). Live updates: an EventSource on
    // /events pushes the matrix when it changed; if it cannot connect (closed, or no EventSource), /matrix is polled.
    public const string Script = """
        (function () {
          'use strict';
          var form = document.getElementById('filters');
          if (form) {
            form.querySelectorAll('select').forEach(function (select) {
              select.addEventListener('change', function () {
                var query = new URLSearchParams();
                form.querySelectorAll('select').forEach(function (s) { if (s.value) { query.append(s.name, s.value); } });
                var search = query.toString();
                location.assign(search ? '/?' + search : '/');
              });
            });
          }

          var matrix = document.getElementById('matrix');
          if (!matrix) { return; }
          var body = document.body;
          var interval = (parseInt(body.getAttribute('data-interval'), 10) || 5) * 1000;
          var updates = 0;
          function swap(html) {
            matrix.innerHTML = html;
            updates++;
            body.setAttribute('data-updates', String(updates));
          }

          var polling = null;
          function poll() {
            if (polling !== null) { return; }
            body.setAttribute('data-live', 'poll');
            polling = setInterval(function () {
              fetch('/matrix' + location.search, { cache: 'no-store' })
                .then(function (response) { return response.ok ? response.text() : null; })
                .then(function (html) { if (html !== null && html !== matrix.innerHTML) { swap(html); } })
                .catch(function () { /* the server may be restarting: try again next time */ });
            }, interval);
          }

          if (!window.EventSource) { poll(); return; }
          var since = body.getAttribute('data-generation') || '0';
          var events = new EventSource('/events' + (location.search ? location.search + '&' : '?') + 'since=' + encodeURIComponent(since));
          events.addEventListener('open', function () { body.setAttribute('data-live', 'events'); });
          events.addEventListener('matrix', function (event) { swap(event.data); });
          events.addEventListener('error', function () {
            if (events.readyState === EventSource.CLOSED) { poll(); }
          });
        })();

        """;
}
