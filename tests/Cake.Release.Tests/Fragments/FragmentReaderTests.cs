using Cake.Release.Fragments;
using Cake.Release.Reporting;
using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Fragments;

/// <summary>The read side of the release record on dynalite: the matrix across repositories, pages followed, an absent table named.</summary>
public sealed class FragmentReaderTests : IDisposable
{
    private readonly Dynalite _dynalite = Dynalite.Start();

    public void Dispose() => _dynalite.Dispose();

    private TableStatusReader Reader(Amazon.DynamoDBv2.IAmazonDynamoDB client, int? pageSize = null, string table = ReleaseRecordSeed.Table) =>
        new(client, new FragmentReader(client, table, $"endpoint {_dynalite.Endpoint}", pageSize), [], null, new FixedClock(ReleaseRecordSeed.Start.AddDays(1)));

    [Fact]
    public async Task The_matrix_spans_both_repositories_with_their_environment_names_and_drops_a_stale_current_mark()
    {
        using var client = _dynalite.Client();
        await ReleaseRecordSeed.PutAsync(client);

        // One item per page: every query must follow LastEvaluatedKey to see the whole record.
        var status = await Reader(client, pageSize: 1).ReadAsync(CancellationToken.None);

        Assert.Equal(["dev", "staging", "production", "prod"], status.Environments);
        Assert.Equal(
            ["github.com/acme/shop/api", "github.com/acme/shop/web", "gitlab.example.com/pay/ledger/ledger", "gitlab.example.com/pay/ledger/ledger-events"],
            status.Services);
        Assert.Equal(new StatusComponent(ReleaseRecordSeed.Shop, "frontend", "web"), status.Component("github.com/acme/shop/web"));
        Assert.Equal("1.4.0", status.Cell("github.com/acme/shop/api", "production").Entry!.Version);
        Assert.Equal("1.3.0", status.Cell("github.com/acme/shop/web", "production").Entry!.Version);
        Assert.False(status.Cell("github.com/acme/shop/web", "prod").Runs);

        var web = status.Cell("github.com/acme/shop/web", "production");
        Assert.Equal(["behind", "incomplete"], web.DriftNames);
        Assert.Equal("incomplete: 1.4.0 is in production for github.com/acme/shop/api, not here", web.Incomplete);
        Assert.Equal(["behind"], status.Cell("gitlab.example.com/pay/ledger/ledger", "prod").DriftNames);
        // api moved past 1.3.0 (web's production version, the same partition): not incomplete.
        Assert.Empty(status.Cell("github.com/acme/shop/api", "production").DriftNames);
        // ledger-events is alone in 2.0.0: never incomplete.
        Assert.All(status.Environments, e => Assert.Empty(status.Cell("gitlab.example.com/pay/ledger/ledger-events", e).DriftNames));
    }

    [Fact]
    public async Task A_components_history_is_in_time_order_across_environments()
    {
        using var client = _dynalite.Client();
        await ReleaseRecordSeed.PutAsync(client);

        var history = await Reader(client, pageSize: 2).HistoryAsync(new StatusComponent(ReleaseRecordSeed.Shop, "backend", "api"), CancellationToken.None);

        Assert.Equal(
            ["1.3.0@", "1.3.0@production", "1.4.0@", "1.4.0@dev", "1.4.0@staging", "1.4.0@production"],
            history.Select(f => $"{f.Version}@{f.Environment}"));
    }

    [Fact]
    public async Task An_absent_table_is_one_line_naming_it_the_endpoint_and_the_fix()
    {
        using var client = _dynalite.Client();

        var refused = await Assert.ThrowsAsync<ReleaseException>(() => Reader(client, table: "NoSuchTable").ReadAsync(CancellationToken.None));

        Assert.Equal($"Status: no release record at NoSuchTable (endpoint {_dynalite.Endpoint}): run PublishRelease in a repository with publish: in release.yaml, or name the table with --table=<name>.", refused.Message);
    }
}
