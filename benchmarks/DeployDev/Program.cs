using System.Diagnostics;
using System.Globalization;
using Benchmarks.Shared;
using Cake.Release.Building;
using Cake.Release.Hosting;
using Cake.Release.Promotion;
using DeployDevBenchmark;

// DeployDev in a 100-service monorepo whose last push changed K = 10, 50, 100 services, every image already in the
// registry: ours as a whole pipeline process (--target=DeployDev, what CI runs), ours in-process (the DeployDev alias
// on a fresh context; and its record part alone, the builds given), and the peer, one commit and one push for all K
// in shell plumbing. Each run starts from the same dev branch; git processes, commits and pushes are counted in one
// extra run of each process contender under strace.
if (args.Length > 0 && args[0] == "pipeline")
{
    // The benchmark's own executable doubles as the pipeline, for runs without deploy-dev.sh (PipelineHost).
    return new CakeHost().AddAssembly(typeof(CakeHost).Assembly).Run(args[1..]);
}

var runs = 7;
if (args is ["--runs", var count] && int.TryParse(count, CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
{
    runs = parsed;
}
else if (args.Length > 0)
{
    Console.Error.WriteLine("usage: DeployDev [--runs N]   (default 7)");
    return 2;
}

// Every git commit, ours and the peer's, made as one identity from the environment, not the machine's config.
foreach (var name in new[] { "GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME" })
{
    Environment.SetEnvironmentVariable(name, "Benchmark");
}

foreach (var name in new[] { "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL" })
{
    Environment.SetEnvironmentVariable(name, "benchmark@localhost");
}

var clock = Stopwatch.StartNew();
using var repository = Monorepo.Create();
var configFile = Path.Combine(repository.Clone, "release.yaml");
var all = Enumerable.Range(0, Monorepo.Services).Select(Monorepo.Name).ToList();
var seed = new DeployDevSettings { ConfigFile = configFile, By = "benchmark", Build = new BuildOnceSettings { Commit = repository.Base } };
all.ForEach(seed.Services.Add);
QuietCakeContext.Create().DeployDev(seed);
repository.SeedDev(FastImportStream.Git(repository.Origin, null, "rev-parse", Monorepo.Branch).Trim());
Console.Error.WriteLine($"generated {Monorepo.Services} services, dev seeded, in {clock.Elapsed.TotalSeconds:0.0} s: {repository.Clone}");

// The builds BuildOnce finds for each head, for the contender that times the record part alone.
var builds = Monorepo.ChangedCounts.ToDictionary(k => k, k =>
{
    var settings = new BuildOnceSettings { ConfigFile = configFile, Commit = repository.HeadFor[k] };
    Enumerable.Range(0, k).Select(Monorepo.Name).ToList().ForEach(settings.Services.Add);
    return QuietCakeContext.Create().BuildOnce(settings).Builds;
});

// The peer's input: what it records for each service, known before it starts.
foreach (var (k, list) in builds)
{
    File.WriteAllLines(Path.Combine(repository.Clone, ".release", $"deploys-{k}.txt"), list.Select(b => $"{b.Service} {b.Tag} {b.Digest} {b.Commit}"));
}

var contenders = new Contender[]
{
    Contender.Process($"ours: --target=DeployDev, whole process ({PipelineHost.Label})", PipelineHost.File, PipelineHost.Arguments("--target=DeployDev", "--by=benchmark", "--verbosity=quiet")),
    new("ours: DeployDev alias, in-process", null, [], k =>
    {
        var result = QuietCakeContext.Create().DeployDev(new DeployDevSettings { ConfigFile = configFile, By = "benchmark" });
        Expect(result.Deployments.Count, k, "services recorded");
    }),
    new("ours: its record part alone (builds given), in-process", null, [], k =>
    {
        var settings = new DeployDevSettings { ConfigFile = configFile, By = "benchmark" };
        builds[k].ToList().ForEach(settings.Builds.Add);
        Expect(QuietCakeContext.Create().DeployDev(settings).Deployments.Count, k, "services recorded");
    }),
    Contender.Process("peer: one commit + one push in shell plumbing, whole process", "bash", ["-c", PlumbingPeer.Script]),
};

void Expect(int actual, int expected, string what)
{
    if (actual != expected)
    {
        throw new InvalidOperationException($"{actual} {what}, expected {expected}");
    }
}

void RunOnce(Contender contender, int k)
{
    repository.Reset(k);
    contender.Run(repository, k);
    Expect(repository.CommitsSinceReset(), 1, "commits on dev");
}

// Untimed warm-up: JIT, disk cache, the process contenders' first start.
foreach (var k in Monorepo.ChangedCounts)
{
    foreach (var contender in contenders)
    {
        RunOnce(contender, k);
    }
}

var times = contenders.ToDictionary(c => c, _ => Monorepo.ChangedCounts.ToDictionary(k => k, _ => new List<double>()));
for (var run = 0; run < runs; run++)
{
    foreach (var k in Monorepo.ChangedCounts)
    {
        foreach (var contender in contenders)
        {
            repository.Reset(k);
            var watch = Stopwatch.StartNew();
            contender.Run(repository, k);
            times[contender][k].Add(watch.Elapsed.TotalMilliseconds);
            Expect(repository.CommitsSinceReset(), 1, "commits on dev");
        }
    }
}

// One more run of each process contender under strace, untimed: what it spawned and what it pushed.
var counts = new Dictionary<(Contender, int), ProcessCount>();
foreach (var contender in contenders.Where(c => c.File is not null))
{
    foreach (var k in Monorepo.ChangedCounts)
    {
        repository.Reset(k);
        counts[(contender, k)] = ProcessCount.Of(contender, repository, k);
    }
}

Console.Write(ResultTable.Format(runs, contenders, times, counts));
return 0;
