using System.Net;
using Cake.Release.Dashboard;
using Cake.Release.Fragments;
using Cake.Release.Reporting;
using Cake.Release.Tests.Fragments;
using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Dashboard;

/// <summary>
/// The dashboard served in-process on 127.0.0.1 and a port of its own (port 0), reading <see cref="ReleaseRecordSeed"/>
/// from dynalite every second; api's production deployer is a hostile string the pages must show as text.
/// </summary>
public sealed class DashboardSite : IDisposable
{
    public const string Hostile = "<img src=x onerror=\"window.__pwned = 1\">";

    private readonly Dynalite _dynalite = Dynalite.Start();
    private readonly DashboardServer _server;

    public DashboardSite()
    {
        Client = _dynalite.Client();
        ReleaseRecordSeed.PutAsync(Client, hostileBy: Hostile).GetAwaiter().GetResult();
        var reader = new TableStatusReader(Client, new FragmentReader(Client, ReleaseRecordSeed.Table, $"endpoint {_dynalite.Endpoint}"), [], null, TimeProvider.System);
        _server = DashboardServer.StartAsync(reader, new DashboardAddress(IPAddress.Loopback, 0), TimeSpan.FromSeconds(1), TestCake.Context().Log, CancellationToken.None).GetAwaiter().GetResult();
    }

    public Amazon.DynamoDBv2.AmazonDynamoDBClient Client { get; }

    public Uri Url => _server.Url;

    /// <summary>Where the dashboard tests leave their screenshots, with the other test results.</summary>
    public static string Screenshot(string name) =>
        Path.Combine(RepositoryPaths.Root, "artifacts", "test-results", "screenshots", name + ".png");

    public void Dispose()
    {
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Client.Dispose();
        _dynalite.Dispose();
    }
}
