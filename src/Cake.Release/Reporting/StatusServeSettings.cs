namespace Cake.Release.Reporting;

/// <summary>How <see cref="StatusServeAliases.StatusServe"/> serves the dashboard (<c>--serve</c>, <c>--interval</c>).</summary>
public sealed class StatusServeSettings
{
    /// <summary>The default time between two reads of the source.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(5);

    /// <summary>The shortest time between two reads: a table read is a few queries, not free.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Where to listen (<c>--serve=</c>): null for 127.0.0.1:8080, a port alone stays on loopback, an IP address and
    /// port otherwise (<c>0.0.0.0:8080</c> is reachable from the network, and the run says so).
    /// </summary>
    public string? Address { get; set; }

    /// <summary>Time between two reads of the source (<c>--interval</c>, seconds); at least <see cref="MinimumInterval"/>.</summary>
    public TimeSpan Interval { get; set; } = DefaultInterval;

    /// <summary>Stops the server (besides Ctrl+C and SIGTERM); a script or test may pass its own.</summary>
    public CancellationToken Cancellation { get; set; }

    /// <summary>Told the page's address once the server listens (with port 0, the port it took).</summary>
    public Action<Uri>? Listening { get; set; }
}
