using Amazon.DynamoDBv2;
using Cake.Release.Fragments;

namespace Cake.Release.Tests.Fragments;

/// <summary>
/// A release record of two repositories, put straight into the table (the publisher is not needed to read):
/// <list type="bullet">
/// <item>github.com/acme/shop (dev → staging → production): backend api and frontend web released together as 1.4.0;
/// api runs 1.4.0 in production, web still 1.3.0 there: web's production cell is incomplete. api also left a stale
/// current mark in production (1.3.0, older), which the reader must drop.</item>
/// <item>gitlab.example.com/pay/ledger (dev → prod, other names): kafka ledger-events 2.0.0 in both, alone in its
/// version; backend ledger 0.9.0 in dev, 0.8.0 in prod: behind.</item>
/// </list>
/// </summary>
internal static class ReleaseRecordSeed
{
    public const string Table = "ReleaseFragments";
    public const string Shop = "github.com/acme/shop";
    public const string Ledger = "gitlab.example.com/pay/ledger";

    public static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public static async Task PutAsync(IAmazonDynamoDB client, string? hostileBy = null)
    {
        await FragmentTable.EnsureAsync(client, Table);
        foreach (var mark in new[] { $"{Shop}@dev", $"{Shop}@staging", $"{Shop}@production", $"{Shop}#tags", $"{Ledger}@dev", $"{Ledger}@prod" })
        {
            await client.PutItemAsync(Table, new()
            {
                [FragmentSchema.Version] = FragmentItems.Text(FragmentSchema.MarksPartition),
                [FragmentSchema.Component] = FragmentItems.Text(mark),
                [FragmentSchema.Record] = FragmentItems.Text(new string('c', 40)),
            });
        }

        // shop/api: 1.3.0 everywhere, then 1.4.0 through to production.
        await Put(client, Fact(Shop, "backend", "api", "1.3.0", null, 0), false);
        await Put(client, Fact(Shop, "backend", "api", "1.3.0", "production", 1, from: "staging"), true);   // stale mark, kept on purpose
        await Put(client, Fact(Shop, "backend", "api", "1.4.0", null, 10), false);
        await Put(client, Fact(Shop, "backend", "api", "1.4.0", "dev", 11), true);
        await Put(client, Fact(Shop, "backend", "api", "1.4.0", "staging", 12, from: "dev"), true);
        await Put(client, Fact(Shop, "backend", "api", "1.4.0", "production", 13, from: "staging", by: hostileBy ?? "release-bot"), true);

        // shop/web: 1.3.0 in production, 1.4.0 (the same release) up to staging.
        await Put(client, Fact(Shop, "frontend", "web", "1.3.0", "production", 2, from: "staging"), true);
        await Put(client, Fact(Shop, "frontend", "web", "1.4.0", null, 10), false);
        await Put(client, Fact(Shop, "frontend", "web", "1.4.0", "dev", 11), true);
        await Put(client, Fact(Shop, "frontend", "web", "1.4.0", "staging", 12, from: "dev"), true);

        // ledger: its own names, its own versions.
        await Put(client, Fact(Ledger, "kafka", "ledger-events", "2.0.0", "dev", 3), true);
        await Put(client, Fact(Ledger, "kafka", "ledger-events", "2.0.0", "prod", 4, from: "dev"), true);
        await Put(client, Fact(Ledger, "backend", "ledger", "0.8.0", "prod", 5, from: "dev"), true);
        await Put(client, Fact(Ledger, "backend", "ledger", "0.9.0", "dev", 6), true);
    }

    public static ReleaseFragment Fact(string repository, string kind, string service, string version, string? environment, int hours, string? from = null, string? by = "release-bot") => new()
    {
        Version = version,
        Kind = kind,
        Repository = repository,
        Service = service,
        Environment = environment,
        At = Start.AddHours(hours),
        Action = environment is null ? FragmentActions.Release : from is null ? FragmentActions.Deploy : FragmentActions.Promote,
        Commit = new string('a', 40),
        Image = environment is null ? null : $"registry.example.com/{service}",
        Digest = environment is null ? null : "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{repository}/{service}/{version}"))),
        From = from,
        By = environment is null ? null : by,
        Record = new string('b', 40),
        Tag = environment is null ? $"{service}/{version}" : null,
    };

    public static Task Put(IAmazonDynamoDB client, ReleaseFragment fact, bool current) =>
        client.PutItemAsync(Table, FragmentItems.Item(fact, current));
}
