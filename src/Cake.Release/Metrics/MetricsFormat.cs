namespace Cake.Release.Metrics;

/// <summary>How <see cref="MetricsAliases.Metrics"/> shows delivery metrics (<c>--format</c>).</summary>
public enum MetricsFormat
{
    /// <summary>A plain-text table in the log (the default).</summary>
    Table,

    /// <summary>A Markdown table in the log, and in the job summary on GitHub Actions.</summary>
    Markdown,

    /// <summary>One JSON object (schema 1) written to a file.</summary>
    Json,

    /// <summary>One self-contained HTML page with SVG charts written to a file.</summary>
    Html,
}
