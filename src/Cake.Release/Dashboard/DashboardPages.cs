using System.Globalization;
using System.Net;
using System.Text;
using Cake.Release.Fragments;
using Cake.Release.Reporting;

namespace Cake.Release.Dashboard;

/// <summary>
/// The dashboard's HTML: the matrix page, the matrix alone (what a live update swaps in), and a component's history.
/// Every value from the source is HTML-escaped here, in one place; styles and script are files of the server
/// (<see cref="DashboardAssets"/>), never inline, so the Content-Security-Policy forbids inline script outright.
/// </summary>
internal static class DashboardPages
{
    /// <summary>The query parameters the filters use, in the order of the controls.</summary>
    public static IReadOnlyList<string> FilterNames { get; } = ["version", "kind", "env", "repository"];

    /// <summary>The matrix page: heading, filter controls (their values in the query string), the matrix, the legend.</summary>
    public static string Matrix(ReleaseStatus whole, StatusFilter filter, string where, string? problem, long generation, TimeSpan interval)
    {
        var html = new StringBuilder();
        Head(html, "Release status");
        html.Append(CultureInfo.InvariantCulture, $"<body data-generation=\"{generation}\" data-interval=\"{(int)interval.TotalSeconds}\">\n");
        html.Append("<header><h1>Release status</h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"at\">From {E(where)}, read every {(int)interval.TotalSeconds} s; the matrix updates itself. <a href=\"/api/status.json{E(Query(filter))}\">JSON</a></p></header>\n");

        html.Append("<form id=\"filters\" method=\"get\" action=\"/\">\n");
        var components = whole.Services.Select(whole.Component).ToList();
        Select(html, "version", "Version", "All versions", whole.Cells.Select(c => c.Entry?.Version).OfType<string>(), filter.Versions);
        Select(html, "kind", "Kind", "All kinds", components.Select(c => c.Kind), filter.Kinds);
        Select(html, "env", "Environment", "All environments", whole.Environments, filter.Environments);
        if (whole.SpansRepositories)
        {
            Select(html, "repository", "Repository", "All repositories", components.Select(c => c.Repository).OfType<string>(), filter.Repositories);
        }

        html.Append("<noscript><button type=\"submit\">Filter</button></noscript> <a href=\"/\">Clear</a>\n</form>\n");
        html.Append("<main id=\"matrix\">\n").Append(Table(whole, filter, problem)).Append("</main>\n");
        html.Append("<section class=\"legend\"><h2>Marks</h2><ul>\n");
        foreach (var mark in DriftMarks.All)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><span class=\"mark {E(DriftMarks.Name(mark))}\">{E(DriftMarks.Name(mark))}</span> {E(DriftMarks.Meaning(mark))}</li>\n");
        }

        html.Append("</ul></section>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The matrix alone, filtered: what <c>/matrix</c> returns and <c>/events</c> pushes.</summary>
    public static string Table(ReleaseStatus whole, StatusFilter filter, string? problem)
    {
        var html = new StringBuilder();
        if (problem is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"problem\" role=\"alert\">The last read failed, so this is the matrix before it: {E(problem)}</p>\n");
        }

        if (filter.Unknown(whole, "") is { } unknown)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"problem\" id=\"unknown\">{E(unknown)}</p>\n");
        }

        var status = filter.Apply(whole);
        var spans = status.SpansRepositories;
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"at\">As of <time datetime=\"{Iso(status.At)}\">{E(status.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))} UTC</time>: {status.Services.Count} components in {status.Environments.Count} environments.</p>\n");
        html.Append("<table id=\"status\">\n<thead><tr>");
        html.Append(spans ? "<th scope=\"col\">repository</th><th scope=\"col\">kind</th><th scope=\"col\">component</th>" : "<th scope=\"col\">kind</th><th scope=\"col\">service</th>");
        foreach (var environment in status.Environments)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\" data-env=\"{E(environment)}\">{E(environment)}</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in status.Services)
        {
            var component = status.Component(row);
            html.Append(CultureInfo.InvariantCulture, $"<tr data-component=\"{E(row)}\" data-kind=\"{E(component.Kind)}\" data-repository=\"{E(component.Repository ?? "")}\">");
            if (spans)
            {
                html.Append(CultureInfo.InvariantCulture, $"<td class=\"repository\">{E(component.Repository ?? "")}</td>");
            }

            html.Append(CultureInfo.InvariantCulture, $"<td class=\"kind\">{E(component.Kind)}</td><th scope=\"row\"><a href=\"{E(ComponentPath(component))}\">{E(component.Service)}</a></th>");
            foreach (var environment in status.Environments)
            {
                Cell(html, status.Cell(row, environment));
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        if (status.Services.Count == 0)
        {
            html.Append("<p id=\"empty\">Nothing matches the filter.</p>\n");
        }

        return html.ToString();
    }

    /// <summary>One component's history, oldest first: releases and deployments in every environment.</summary>
    public static string Component(StatusComponent component, IReadOnlyList<ReleaseFragment> history, string where)
    {
        var title = component.Repository is null ? component.Service : $"{component.Repository}/{component.Service}";
        var html = new StringBuilder();
        Head(html, title + " — history");
        html.Append("<body>\n<header><p><a href=\"/\">← Release status</a></p>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{E(title)}</h1>\n<p class=\"at\">{E(component.Kind)}; {history.Count} facts from {E(where)}, oldest first.</p></header>\n");
        html.Append("<main>\n<table id=\"history\">\n<thead><tr><th scope=\"col\">at</th><th scope=\"col\">environment</th><th scope=\"col\">version</th><th scope=\"col\">action</th><th scope=\"col\">digest</th><th scope=\"col\">by</th><th scope=\"col\">from</th><th scope=\"col\">approved by</th><th scope=\"col\">record</th></tr></thead>\n<tbody>\n");
        foreach (var fact in history)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr data-version=\"{E(fact.Version)}\" data-env=\"{E(fact.Environment ?? "")}\">");
            html.Append(CultureInfo.InvariantCulture, $"<td><time datetime=\"{Iso(fact.At)}\">{E(Iso(fact.At))}</time></td>");
            html.Append(CultureInfo.InvariantCulture, $"<td>{E(fact.Environment ?? "(released)")}</td><td class=\"version\">{E(fact.Version)}</td><td>{E(fact.Action)}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td><code title=\"{E(fact.Digest ?? "")}\">{E(fact.Digest is { } d ? Short(d) : fact.ChartVersion is { } c ? "chart " + c : "")}</code></td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"by\">{E(fact.By ?? "")}</td><td>{E(fact.From ?? "")}</td><td>{E(string.Join(", ", fact.ApprovedBy))}</td><td><code>{E(ShortCommit.Of(fact.Record))}</code></td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        if (history.Count == 0)
        {
            html.Append("<p id=\"empty\">No release or deployment of this component is recorded.</p>\n");
        }

        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>A page saying one thing (404), escaped.</summary>
    public static string Message(string title, string text)
    {
        var html = new StringBuilder();
        Head(html, title);
        html.Append(CultureInfo.InvariantCulture, $"<body>\n<h1>{E(title)}</h1>\n<p>{E(text)}</p>\n<p><a href=\"/\">← Release status</a></p>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The component page's path: <c>/component/{repository}/{service}</c>, each URL-encoded (a repository holds slashes); <c>-</c> for this repository.</summary>
    public static string ComponentPath(StatusComponent component) =>
        $"/component/{Uri.EscapeDataString(component.Repository ?? "-")}/{Uri.EscapeDataString(component.Service)}";

    /// <summary>The filter as a query string (<c>?kind=frontend&amp;env=production</c>), or empty.</summary>
    public static string Query(StatusFilter filter)
    {
        var pairs = filter.Versions.Select(v => ("version", v)).Concat(filter.Kinds.Select(k => ("kind", k)))
            .Concat(filter.Environments.Select(e => ("env", e))).Concat(filter.Repositories.Select(r => ("repository", r)))
            .Concat(filter.Services.Select(s => ("service", s)))
            .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2)}").ToList();
        return pairs.Count == 0 ? "" : "?" + string.Join('&', pairs);
    }

    private static void Head(StringBuilder html, string title)
    {
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<title>{E(title)}</title>\n<link rel=\"stylesheet\" href=\"{DashboardAssets.StylePath}\">\n<script src=\"{DashboardAssets.ScriptPath}\" defer></script>\n</head>\n");
    }

    private static void Select(StringBuilder html, string name, string label, string all, IEnumerable<string> values, IReadOnlyList<string> chosen)
    {
        html.Append(CultureInfo.InvariantCulture, $"<label>{E(label)} <select id=\"{name}\" name=\"{name}\"><option value=\"\">{E(all)}</option>");
        foreach (var value in values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var selected = chosen.Contains(value, StringComparer.Ordinal) ? " selected" : "";
            html.Append(CultureInfo.InvariantCulture, $"<option value=\"{E(value)}\"{selected}>{E(value)}</option>");
        }

        html.Append("</select></label>\n");
    }

    private static void Cell(StringBuilder html, StatusCell cell)
    {
        var classes = new List<string> { "cell" };
        classes.Add(cell.Runs ? "runs" : "absent");
        classes.AddRange(cell.DriftNames);
        html.Append(CultureInfo.InvariantCulture, $"<td data-env=\"{E(cell.Environment)}\" data-drift=\"{E(string.Join(' ', cell.DriftNames))}\" class=\"{E(string.Join(' ', classes))}\">");
        if (cell.Entry is { } entry)
        {
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"version\">{E(entry.Version)}</span> <code class=\"digest\" title=\"{E(entry.Digest ?? "")}\">{E(cell.ShortDigest ?? "no digest")}</code> ");
            html.Append(CultureInfo.InvariantCulture, $"<time class=\"age\" datetime=\"{Iso(entry.Deployed)}\">{E(cell.Age!)}</time>");
            if (entry.By is { } by)
            {
                html.Append(CultureInfo.InvariantCulture, $" <span class=\"by\">by {E(by)}</span>");
            }
        }
        else
        {
            html.Append("<span class=\"none\">not deployed</span>");
        }

        foreach (var name in cell.DriftNames)
        {
            html.Append(CultureInfo.InvariantCulture, $" <span class=\"mark {E(name)}\">{E(name)}</span>");
        }

        if (cell.Incomplete is { } note)
        {
            html.Append(CultureInfo.InvariantCulture, $" <span class=\"note\">{E(note)}</span>");
        }

        html.Append("</td>");
    }

    private static string Short(string digest) => digest[(digest.IndexOf(':', StringComparison.Ordinal) + 1)..] is var hex && hex.Length > 12 ? hex[..12] : digest;

    private static string Iso(DateTimeOffset time) => FragmentTime.Format(time);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
