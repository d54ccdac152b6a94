using System.Runtime.CompilerServices;
using Cake.Core.Diagnostics;
using Cake.Release.Reporting;

namespace Cake.Release.Dashboard;

/// <summary>
/// A running dashboard: the feed's loop and the web server, stopped together. Nothing here names an ASP.NET Core type,
/// so a process without the shared framework (Cake.Tool running a build.cake) reaches <see cref="StartAsync"/> and
/// gets one clear line instead of a type-load crash; only <see cref="DashboardHost"/> touches ASP.NET Core.
/// </summary>
internal sealed class DashboardServer : IAsyncDisposable
{
    private readonly IAsyncDisposable _host;
    private readonly CancellationTokenSource _stop;
    private readonly Task _loop;

    private DashboardServer(IAsyncDisposable host, Uri url, CancellationTokenSource stop, Task loop)
    {
        _host = host;
        Url = url;
        _stop = stop;
        _loop = loop;
    }

    public Uri Url { get; }

    /// <summary>Reads the source once (a source that cannot be read fails here), then listens and reads every interval.</summary>
    public static async Task<DashboardServer> StartAsync(IStatusReader reader, DashboardAddress address, TimeSpan interval, ICakeLog log, CancellationToken cancel)
    {
        var feed = new StatusFeed(reader, interval, log);
        await feed.StartAsync(cancel).ConfigureAwait(false);
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        try
        {
            var (host, url) = await ListenAsync(feed, address, interval, stop.Token).ConfigureAwait(false);
            return new DashboardServer(host, url, stop, feed.RunAsync(stop.Token));
        }
        catch
        {
            stop.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        await _host.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    // Not inlined, so the JIT meets DashboardHost (and ASP.NET Core) only when this runs.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<(IAsyncDisposable Host, Uri Url)> ListenAsync(StatusFeed feed, DashboardAddress address, TimeSpan interval, CancellationToken stop)
    {
        try
        {
            var host = await Start(feed, address, interval, stop).ConfigureAwait(false);
            return (host, UrlOf(host));
        }
        catch (Exception e) when (IsMissingAspNetCore(e))
        {
            throw new ReleaseException("Status --serve: this process has no ASP.NET Core (Microsoft.AspNetCore.App): a build.cake runs in Cake.Tool's process, which loads Microsoft.NETCore.App alone. Serve from a compiled pipeline (our host, e.g. ./build.sh --target=Status --serve), or write the page once with --format=html.");
        }
        catch (IOException e)
        {
            throw new ReleaseException($"Status --serve: cannot listen on {address} ({e.Message}); pick another port with --serve={address.Address}:<port>, or --serve=0 for any free one.");
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Task<DashboardHost> Start(StatusFeed feed, DashboardAddress address, TimeSpan interval, CancellationToken stop) =>
        DashboardHost.StartAsync(feed, address, interval, stop);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Uri UrlOf(DashboardHost host) => host.Url;

    private static bool IsMissingAspNetCore(Exception e) => e switch
    {
        FileNotFoundException f => f.FileName?.StartsWith("Microsoft.", StringComparison.Ordinal) == true,
        FileLoadException f => f.FileName?.StartsWith("Microsoft.", StringComparison.Ordinal) == true,
        TypeLoadException t => t.TypeName.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || t.TypeName.StartsWith("Microsoft.Extensions", StringComparison.Ordinal),
        _ => false,
    };
}
