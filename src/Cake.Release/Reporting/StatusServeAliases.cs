using System.Runtime.InteropServices;
using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.Diagnostics;
using Cake.Release.Dashboard;

namespace Cake.Release.Reporting;

/// <summary>The live release status: a local, read-only web page of the matrix that updates itself.</summary>
[CakeAliasCategory("Release")]
[CakeNamespaceImport("Cake.Release.Reporting")]
public static class StatusServeAliases
{
    /// <summary>
    /// Serves the status matrix of <paramref name="settings"/>' source (this repository's GitOps branches, or the
    /// central release record with <see cref="StatusSource.DynamoDb"/>) on 127.0.0.1:8080 unless told another address,
    /// and blocks until Ctrl+C, SIGTERM or <see cref="StatusServeSettings.Cancellation"/>. Pages: <c>/</c> the matrix
    /// with filters in the query string (<c>?kind=frontend&amp;env=production</c>), updated live by server-sent events
    /// (<c>/events</c>) as the source changes; <c>/component/{repository}/{service}</c> one component's history;
    /// <c>/api/status.json</c> the JSON of <c>--format=json</c>. Read-only: GET only. Needs ASP.NET Core, which a
    /// compiled pipeline has and Cake.Tool's script process has not: there it fails with one line.
    /// </summary>
    /// <example><code>StatusServe(new StatusSettings { Source = StatusSource.DynamoDb, Table = "ReleaseFragments" }, new StatusServeSettings());</code></example>
    [CakeMethodAlias]
    [CakeAliasCategory("Status")]
    public static void StatusServe(this ICakeContext context, StatusSettings settings, StatusServeSettings serve)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(serve);
        if (serve.Interval < StatusServeSettings.MinimumInterval)
        {
            throw new ReleaseException($"Status --serve: an interval of {serve.Interval.TotalSeconds} s is too short; read the source at most every {StatusServeSettings.MinimumInterval.TotalSeconds:0} s (--interval=5 is the default).");
        }

        var address = DashboardAddress.Parse(serve.Address);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(serve.Cancellation);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var reader = StatusReaders.Open(context, settings);
        var server = DashboardServer.StartAsync(reader, address, serve.Interval, context.Log, stop.Token).GetAwaiter().GetResult();
        try
        {
            if (!address.IsLoopback)
            {
                context.Log.Warning("Status --serve: listening on {0}, reachable from the network: anyone who can reach this machine can read the release status.", address);
            }

            context.Log.Information("Serving the release status of {0} at {1} (read every {2} s). Ctrl+C stops it.", reader.Where, server.Url, serve.Interval.TotalSeconds);
            serve.Listening?.Invoke(server.Url);
            stop.Token.WaitHandle.WaitOne();
        }
        finally
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            context.Log.Information("Stopped serving the release status.");
        }

        void Stop(PosixSignalContext signal)
        {
            // Handled here: the run ends through the finally above, and the task succeeds.
            signal.Cancel = true;
            stop.Cancel();
        }
    }
}
