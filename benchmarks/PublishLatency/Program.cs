using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Cake.Release.Fragments;

// Publish latency per fragment, on dynalite (npm, tests/Interop) started on 127.0.0.1: N facts published by
// Cake.Release's publisher (batch read of the keys, then a conditional put per missing fact), the same N again (a
// re-run: nothing to write), and the peers: one unconditional PutItem per fragment (what a CI step that "pushes each
// fragment" does, and what doubles nothing only because it overwrites), and a GetItem + conditional PutItem per
// fragment (idempotent the simple way). Round-robin over the runs, each run on a fresh table; medians per fragment.
var (runs, facts) = (5, 200);
for (var i = 0; i + 1 < args.Length; i += 2)
{
    _ = args[i] switch
    {
        "--runs" => int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out runs),
        "--facts" => int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out facts),
        _ => false,
    };
}

if (runs < 1 || facts < 1 || args.Length % 2 != 0)
{
    Console.Error.WriteLine("usage: PublishLatency [--runs N] [--facts F]   (defaults 5 and 200)");
    return 2;
}

var root = AppContext.BaseDirectory;
while (!File.Exists(Path.Combine(root, "Cake.Release.slnx")))
{
    root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("run from the repository");
}

using var dynalite = Dynalite.Start(Path.Combine(root, "tests", "Interop", "node_modules", "dynalite", "cli.js"));
using var client = new AmazonDynamoDBClient(new BasicAWSCredentials("AKIDBENCH", "bench-secret"),
    new AmazonDynamoDBConfig { ServiceURL = dynalite.Endpoint, AuthenticationRegion = "us-east-1" });

var contenders = new (string Name, Func<string, IReadOnlyList<ReleaseFragment>, Task> Run, bool Republish)[]
{
    ("Cake.Release publisher, new facts", (table, batch) => new FragmentPublisher(client, table).PutAsync(batch, replace: false), false),
    ("Cake.Release publisher, re-run (all there)", (table, batch) => new FragmentPublisher(client, table).PutAsync(batch, replace: false), true),
    ("PutItem per fragment, unconditional", async (table, batch) =>
    {
        foreach (var fact in batch)
        {
            await client.PutItemAsync(new PutItemRequest { TableName = table, Item = FragmentItems.Item(fact, current: false) });
        }
    }, false),
    ("GetItem + conditional PutItem per fragment", async (table, batch) =>
    {
        foreach (var fact in batch)
        {
            var key = new Dictionary<string, AttributeValue> { ["version"] = new() { S = fact.Version }, ["component"] = new() { S = fact.SortKey } };
            if ((await client.GetItemAsync(new GetItemRequest { TableName = table, Key = key, ConsistentRead = true })).Item is not { Count: > 0 })
            {
                await client.PutItemAsync(new PutItemRequest { TableName = table, Item = FragmentItems.Item(fact, current: false), ConditionExpression = "attribute_not_exists(version)" });
            }
        }
    }, false),
};

var batch = Enumerable.Range(0, facts).Select(Fact).ToList();
var perFragment = contenders.ToDictionary(c => c.Name, _ => new List<double>());
var number = 0;
for (var run = -1; run < runs; run++)
{
    foreach (var contender in contenders)
    {
        var table = $"Bench{++number}";
        await FragmentTable.EnsureAsync(client, table);
        if (contender.Republish)
        {
            await new FragmentPublisher(client, table).PutAsync(batch, replace: false);
        }

        var clock = Stopwatch.StartNew();
        await contender.Run(table, batch);
        clock.Stop();
        if (run >= 0)
        {
            // The first round warms the JIT and the connections up and is not counted.
            perFragment[contender.Name].Add(clock.Elapsed.TotalMilliseconds / facts);
        }

        await client.DeleteTableAsync(table);
    }
}

var ours = Median(perFragment[contenders[0].Name]);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {facts} fragments, dynalite on 127.0.0.1, {runs} runs | Median ms per fragment | × ours (new facts) | Requests per fragment |"));
Console.WriteLine("|---|---:|---:|---|");
var requests = new[] { "1 batch read per 100 + 1 put", "1 batch read per 100", "1 put", "1 get + 1 put" };
for (var i = 0; i < contenders.Length; i++)
{
    var median = Median(perFragment[contenders[i].Name]);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {contenders[i].Name} | {median:F3} | {median / ours:F2}× | {requests[i]} |"));
}

return 0;

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    var middle = sorted.Count / 2;
    return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

static ReleaseFragment Fact(int i) => new()
{
    Version = $"1.{i / 10}.{i % 10}",
    Kind = "backend",
    Repository = "github.com/acme/shop",
    Service = $"service{i % 7}",
    Environment = i % 3 == 0 ? null : "production",
    At = DateTimeOffset.UnixEpoch.AddDays(20_000).AddMinutes(i),
    Action = i % 3 == 0 ? FragmentActions.Release : FragmentActions.Promote,
    Record = i.ToString("x40", CultureInfo.InvariantCulture),
    Digest = "sha256:" + i.ToString("x64", CultureInfo.InvariantCulture),
    ApprovedBy = ["alice", "bob"],
};

/// <summary>dynalite on a free port of 127.0.0.1, in memory, tables active at once.</summary>
internal sealed class Dynalite : IDisposable
{
    private readonly Process _process;

    private Dynalite(Process process, int port) => (_process, Endpoint) = (process, $"http://127.0.0.1:{port}");

    public string Endpoint { get; }

    public static Dynalite Start(string cli)
    {
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException($"{cli} is missing: run (cd tests/Interop && npm ci) first.");
        }

        using var probe = new TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var process = Process.Start(new ProcessStartInfo("node", [cli, "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--createTableMs", "0", "--deleteTableMs", "0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("node did not start");
        for (var wait = 0; wait < 300; wait++)
        {
            try
            {
                using var connection = new TcpClient("127.0.0.1", port);
                return new Dynalite(process, port);
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("dynalite did not listen within 15 s");
    }

    public void Dispose()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }
}
