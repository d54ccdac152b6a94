using System.Diagnostics;
using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Benchmarks.Shared;
using Cake.Release.Reporting;
using StatusSourcesBenchmark;

// Status of R repositories x C services x 3 environments, two ways, on the same landscape in the same run:
// from the release record (one Status --source=dynamodb: marks, 3 current-index queries, one query per version
// running), and from git (Status in each repository: its origin's three GitOps manifests, as without the record).
var (runs, repositories, services) = (5, 50, 40);
for (var i = 0; i + 1 < args.Length; i += 2)
{
    _ = args[i] switch
    {
        "--runs" => int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out runs),
        "--repositories" => int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out repositories),
        "--services" => int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out services),
        _ => false,
    };
}

if (runs < 1 || repositories is < 1 or > 99 || services is < 1 or > 99 || args.Length % 2 != 0)
{
    Console.Error.WriteLine("usage: StatusSources [--runs N] [--repositories R] [--services C]   (defaults 5, 50, 40; R and C at most 99)");
    return 2;
}

var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", ".."));
var folder = Directory.CreateTempSubdirectory("cake-release-status-bench-").FullName;
try
{
    using var dynalite = DynaliteServer.Start(root);
    // The pipeline's own way to a local endpoint: the AWS SDK's variables (FragmentConnection reads them).
    Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_DYNAMODB", dynalite.Endpoint);
    Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDBENCHMARK");
    Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "benchmark-secret");
    Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");

    var setup = Stopwatch.StartNew();
    var configs = Landscape.WriteGit(folder, repositories, services);
    using (var client = new AmazonDynamoDBClient(new BasicAWSCredentials("AKIDBENCHMARK", "benchmark-secret"), new AmazonDynamoDBConfig { ServiceURL = dynalite.Endpoint, AuthenticationRegion = "us-east-1" }))
    {
        await Landscape.WriteTableAsync(client, "ReleaseFragments", repositories, services);
    }

    Console.Error.WriteLine($"setup: {repositories} repositories x {services} services x 3 environments in git and in the table, {setup.Elapsed.TotalSeconds:0.0} s");

    var noConfig = Path.Combine(folder, "no-release.yaml");
    int Table()
    {
        var status = QuietCakeContext.Create().Status(new StatusSettings { Source = StatusSource.DynamoDb, Table = "ReleaseFragments", ConfigFile = noConfig });
        return status.Cells.Count(c => c.Runs);
    }

    int Git() => configs.Sum(config => QuietCakeContext.Create().Status(new StatusSettings { ConfigFile = config }).Cells.Count(c => c.Runs));

    (string Name, Func<int> Run)[] contenders = [("release record (dynalite), one Status", Table), ($"git, Status in each of {repositories} repositories", Git)];
    var cells = contenders.Select(c => c.Run()).ToList();   // warm-up, untimed; and both must see the same deployments
    if (cells.Distinct().Count() != 1 || cells[0] != repositories * services * 3)
    {
        Console.Error.WriteLine($"the two sources disagree: {string.Join(" vs ", cells)} running cells, expected {repositories * services * 3}");
        return 1;
    }

    var times = contenders.ToDictionary(c => c.Name, _ => new List<double>());
    for (var run = 0; run < runs; run++)
    {
        foreach (var (name, body) in contenders)
        {
            var clock = Stopwatch.StartNew();
            body();
            times[name].Add(clock.Elapsed.TotalMilliseconds);
        }
    }

    static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    var baseline = Median(times[contenders[0].Name]);
    Console.WriteLine($"Status of {repositories} repositories x {services} components x 3 environments ({cells[0]} running cells), {runs} runs each:");
    Console.WriteLine();
    Console.WriteLine("| Source | Median ms | Min ms | x release record |");
    Console.WriteLine("|---|---:|---:|---:|");
    foreach (var (name, _) in contenders)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {Median(times[name]):0} | {times[name].Min():0} | {Median(times[name]) / baseline:0.00}x |"));
    }

    return 0;
}
finally
{
    Directory.Delete(folder, recursive: true);
}
