using Cake.Core.IO;

namespace Cake.Release.Metrics;

/// <summary>Settings of <see cref="MetricsAliases.Metrics"/>.</summary>
public sealed class MetricsSettings : ReleaseSettings
{
    /// <summary>How to show the metrics (<c>--format</c>); default a table in the log.</summary>
    public MetricsFormat Format { get; set; } = MetricsFormat.Table;

    /// <summary>
    /// Where the JSON or HTML output goes (<c>--output</c>); default <c>artifacts/metrics.json</c> or
    /// <c>artifacts/metrics.html</c> under the repository root. Unused by table and Markdown.
    /// </summary>
    public FilePath? Output { get; set; }

    /// <summary>The services to report (<c>--service</c>, repeatable); empty reports them all.</summary>
    public IList<string> Services { get; set; } = [];

    /// <summary>
    /// The environment the DORA keys are read in (<c>--env</c>); default the end of the promotion chain (the
    /// environment no other is promoted from that has the longest <c>from:</c> chain).
    /// </summary>
    public string? Environment { get; set; }

    /// <summary>How far back from <see cref="Until"/> the window starts (<c>--window</c>); default 30 days. Not with <see cref="Since"/>.</summary>
    public TimeSpan? Window { get; set; }

    /// <summary>The window's start (<c>--since</c>), instead of <see cref="Window"/>.</summary>
    public DateTimeOffset? Since { get; set; }

    /// <summary>The window's end (<c>--until</c>); default now (the session's clock).</summary>
    public DateTimeOffset? Until { get; set; }

    /// <summary>Where the deployments are read from; default the GitOps branches of the remote.</summary>
    public IDeploymentEvents? Events { get; set; }
}
