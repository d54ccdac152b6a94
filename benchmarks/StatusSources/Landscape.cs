using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Benchmarks.Shared;
using Cake.Release.Fragments;
using S = Cake.Release.Fragments.FragmentSchema;

namespace StatusSourcesBenchmark;

/// <summary>
/// The same release landscape written twice: R repositories of C services each, in dev → staging → production, every
/// service at 1.0.{r} in production and 2.0.{r} in dev and staging (each repository releases its services together),
/// with the history that led there (2.0.{r} deployed one service per commit, 1.0.{r} before it).
/// <list type="bullet">
/// <item>As git: per repository a bare origin (release.yaml on main, one gitops branch per environment whose manifest
/// history has one commit per deployment), written with one <c>git fast-import</c> stream, and a clone to run Status in.</item>
/// <item>As the release record: the same facts in a ReleaseFragments table (current-index marks on what runs now), and
/// each repository's publish marks.</item>
/// </list>
/// </summary>
internal static class Landscape
{
    public static readonly string[] Environments = ["dev", "staging", "production"];
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static string Repository(int r) => $"git.example.com/acme/repo{r:00}";

    public static string Service(int s) => $"svc{s:00}";

    /// <summary>Version per environment: production is a release behind.</summary>
    public static string Version(int r, string environment, bool old) => old || environment == "production" ? $"1.0.{r}" : $"2.0.{r}";

    public static string Digest(int r, int s, string version) =>
        "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes($"{r}/{s}/{version}")));

    /// <summary>R clones, each with its bare origin; returns the clones' release.yaml paths.</summary>
    public static IReadOnlyList<string> WriteGit(string folder, int repositories, int services)
    {
        var configs = new List<string>();
        for (var r = 0; r < repositories; r++)
        {
            var bare = Path.Combine(folder, $"repo{r:00}.git");
            Directory.CreateDirectory(bare);
            FastImportStream.Git(bare, null, "-c", "init.defaultBranch=main", "init", "--quiet", "--bare");
            FastImportStream.Git(bare, Encoding.UTF8.GetBytes(Stream(r, services)), "fast-import", "--quiet");
            var clone = Path.Combine(folder, $"repo{r:00}");
            FastImportStream.Git(folder, null, "clone", "--quiet", bare, clone);
            configs.Add(Path.Combine(clone, "release.yaml"));
        }

        return configs;
    }

    /// <summary>Creates the table and puts every fact and mark (batches of 25, the most DynamoDB takes at once).</summary>
    public static async Task WriteTableAsync(IAmazonDynamoDB client, string table, int repositories, int services)
    {
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new(S.Version, "S"), new(S.Component, "S"), new(S.Current, "S"), new(S.ComponentId, "S"), new(S.At, "S")],
            KeySchema = [new(S.Version, KeyType.HASH), new(S.Component, KeyType.RANGE)],
            GlobalSecondaryIndexes =
            [
                new() { IndexName = S.CurrentIndex, KeySchema = [new(S.Current, KeyType.HASH), new(S.ComponentId, KeyType.RANGE)], Projection = new() { ProjectionType = ProjectionType.ALL } },
                new() { IndexName = S.HistoryIndex, KeySchema = [new(S.ComponentId, KeyType.HASH), new(S.At, KeyType.RANGE)], Projection = new() { ProjectionType = ProjectionType.ALL } },
            ],
        });

        var items = new List<Dictionary<string, AttributeValue>>();
        for (var r = 0; r < repositories; r++)
        {
            foreach (var environment in Environments)
            {
                items.Add(new() { [S.Version] = new(S.MarksPartition), [S.Component] = new(S.MarkKey(Repository(r), environment)), [S.Record] = new(new string('c', 40)) });
            }

            for (var s = 0; s < services; s++)
            {
                foreach (var old in new[] { true, false })
                {
                    var version = old ? $"1.0.{r}" : $"2.0.{r}";
                    items.Add(Item(Fact(r, s, version, null, old ? 0 : 10), current: false));
                    foreach (var (environment, e) in Environments.Select((e, i) => (e, i)))
                    {
                        if (!old && environment == "production")
                        {
                            continue;
                        }

                        var current = Version(r, environment, old: false) == version;
                        items.Add(Item(Fact(r, s, version, environment, (old ? 0 : 10) + e + 1), current));
                    }
                }
            }
        }

        foreach (var batch in items.Chunk(25))
        {
            var request = new BatchWriteItemRequest { RequestItems = new() { [table] = [.. batch.Select(i => new WriteRequest(new PutRequest(i)))] } };
            do
            {
                var response = await client.BatchWriteItemAsync(request);
                request = response.UnprocessedItems is { Count: > 0 } rest ? new BatchWriteItemRequest { RequestItems = rest } : null;
            }
            while (request is not null);
        }
    }

    private static ReleaseFragment Fact(int r, int s, string version, string? environment, int hours) => new()
    {
        Version = version,
        Kind = s % 4 == 0 ? "frontend" : "backend",
        Repository = Repository(r),
        Service = Service(s),
        Environment = environment,
        At = Start.AddHours(hours).AddMinutes(s),
        Action = environment is null ? FragmentActions.Release : FragmentActions.Promote,
        Commit = new string('a', 40),
        Image = environment is null ? null : $"oci:.release/registry/{Service(s)}",
        Digest = environment is null ? null : Digest(r, s, version),
        By = environment is null ? null : "release-bot",
        Record = new string('b', 40),
    };

    // FragmentItems is the library's own (internal); the benchmark writes the same attributes (FragmentSchema).
    private static Dictionary<string, AttributeValue> Item(ReleaseFragment f, bool current)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [S.Version] = new(f.Version),
            [S.Component] = new(f.SortKey),
            [S.Kind] = new(f.Kind),
            [S.Repository] = new(f.Repository),
            [S.Service] = new(f.Service),
            [S.ComponentId] = new(f.ComponentId),
            [S.At] = new(FragmentTime.Format(f.At)),
            [S.Action] = new(f.Action),
            [S.Record] = new(f.Record),
            [S.Commit] = new(f.Commit!),
        };
        if (f.Environment is { } environment)
        {
            item[S.Environment] = new(environment);
            item[S.Image] = new(f.Image!);
            item[S.Digest] = new(f.Digest!);
            item[S.By] = new(f.By!);
            if (current)
            {
                item[S.Current] = new(environment);
            }
        }

        return item;
    }

    // main: release.yaml; gitops/<env>: one commit per deployment, 1.0.{r} for every service, then 2.0.{r} (not in production).
    private static string Stream(int r, int services)
    {
        var text = new StringBuilder();
        var mark = 0;
        var time = Start.ToUnixTimeSeconds();
        // A commit without "from" continues its branch (fast-import keeps each branch's tip); a branch's first is a root.
        void Commit(string branch, string message, params (string Path, string Content)[] files)
        {
            mark++;
            time += 60;
            text.Append(CultureInfo.InvariantCulture, $"commit refs/heads/{branch}\nmark :{mark}\ncommitter Bot <bot@bench.invalid> {time} +0000\n");
            Data(text, message);
            foreach (var (path, content) in files)
            {
                text.Append(CultureInfo.InvariantCulture, $"M 644 inline {path}\n");
                Data(text, content);
            }
        }

        var yaml = new StringBuilder("version: 1\nregistry: oci:.release/registry\nenvironments:\n  dev:\n    branch: gitops/dev\n    auto: true\n  staging:\n    branch: gitops/staging\n    from: dev\n  production:\n    branch: gitops/production\n    from: staging\nservices:\n");
        for (var s = 0; s < services; s++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  {Service(s)}:\n    path: services/{Service(s)}\n    kind: {(s % 4 == 0 ? "frontend" : "backend")}\n");
        }

        Commit("main", "chore: release.yaml", [("release.yaml", yaml.ToString()), .. Enumerable.Range(0, services).Select(s => ($"services/{Service(s)}/Dockerfile", "FROM scratch\n"))]);
        foreach (var (environment, e) in Environments.Select((e, i) => (e, i)))
        {
            var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var old in new[] { true, false })
            {
                if (!old && environment == "production")
                {
                    continue;
                }

                var version = old ? $"1.0.{r}" : $"2.0.{r}";
                for (var s = 0; s < services; s++)
                {
                    var at = FragmentTime.Format(Start.AddHours((old ? 0 : 10) + e + 1).AddMinutes(s));
                    entries[Service(s)] = $"  {Service(s)}:\n    version: \"{version}\"\n    image: oci:.release/registry/{Service(s)}\n    digest: {Digest(r, s, version)}\n    commit: {new string('a', 40)}\n    deployed: \"{at}\"\n    by: release-bot\n";
                    var manifest = $"environment: {environment}\nservices:\n" + string.Concat(entries.Values);
                    Commit($"gitops/{environment}", $"promote({Service(s)}): {version}", ($"release-manifests/{environment}.yaml", manifest));
                }
            }
        }

        return text.ToString();
    }

    private static void Data(StringBuilder text, string data) =>
        text.Append(CultureInfo.InvariantCulture, $"data {Encoding.UTF8.GetByteCount(data)}\n{data}\n");
}
