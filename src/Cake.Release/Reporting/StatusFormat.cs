namespace Cake.Release.Reporting;

/// <summary>How <see cref="StatusAliases.Status"/> shows the environment × service matrix (<c>--format</c>).</summary>
public enum StatusFormat
{
    /// <summary>A plain-text table in the log (the default).</summary>
    Table,

    /// <summary>A Markdown table in the log, and in the job summary on GitHub Actions.</summary>
    Markdown,

    /// <summary>A JSON array of release fragments, one per service and environment, written to a file.</summary>
    Json,

    /// <summary>One self-contained, filterable HTML page written to a file.</summary>
    Html,
}
