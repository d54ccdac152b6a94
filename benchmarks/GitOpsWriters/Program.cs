using System.Diagnostics;
using System.Globalization;
using Benchmarks.Shared;
using Cake.Release.GitOps;
using Cake.Release.Hosting;
using GitOpsWriters;

// Invoked with "pipeline" first, this program is the pipeline each writer runs (our host with Cake.Release's tasks),
// for runs without gitops-writers.sh, which has them start the consumer pipeline (PipelineHost); either way every
// contender is a set of real processes, as CI jobs are.
if (args.Length > 0 && args[0] == "pipeline")
{
    return new CakeHost().AddAssembly(typeof(CakeHost).Assembly).Run(args[1..]);
}

var (runs, writers, crowd, singles) = (3, 20, 50, 10);
for (var i = 0; i + 1 < args.Length; i += 2)
{
    _ = args[i] switch
    {
        "--runs" => int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out runs),
        "--writers" => int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out writers),
        "--crowd" => int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out crowd),
        "--single-runs" => int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out singles),
        _ => false,
    };
}

if (runs < 1 || writers < 1 || crowd < 0 || singles < 1 || args.Length % 2 != 0)
{
    Console.Error.WriteLine("usage: GitOpsWriters [--runs N] [--writers W] [--crowd C] [--single-runs S]   (defaults 3, 20, 50 (0: skip) and 10)");
    return 2;
}

// The in-process writers commit as the scripts and pipelines do (Scenario.SetIdentity), through this process's environment.
Environment.SetEnvironmentVariable("GIT_AUTHOR_NAME", "Benchmark");
Environment.SetEnvironmentVariable("GIT_COMMITTER_NAME", "Benchmark");
Environment.SetEnvironmentVariable("GIT_AUTHOR_EMAIL", "benchmark@localhost");
Environment.SetEnvironmentVariable("GIT_COMMITTER_EMAIL", "benchmark@localhost");

var pipeline = new Contender($"Cake.Release UpdateManifest, one pipeline process per writer ({PipelineHost.Label})", (clone, i) => new ProcessStartInfo(PipelineHost.File, PipelineHost.Arguments("--target=UpdateManifest", "--env=staging", $"--service={Scenario.Service(i)}", $"--version={Scenario.Version(i)}", "--commit=HEAD", "--verbosity=quiet")));
var inProcess = new Contender("Cake.Release UpdateManifest alias, in this process (no pipeline start)", (clone, i) => QuietCakeContext.Create().UpdateManifest(new UpdateManifestSettings
{
    ConfigFile = Path.Combine(clone, "release.yaml"),
    Environment = "staging",
    Service = Scenario.Service(i),
    Version = Scenario.Version(i),
    Commit = "HEAD",
}));
var careful = new Contender("git: on reject, reset to the new tip and re-apply (30×)", (clone, i) => Scenario.ReapplyScript(i, retries: 30));

// 1. W writers at once, every contender; 2. a crowd at once, ours and the careful script (the two that lose nothing).
Contender[] contenders =
[
    pipeline,
    inProcess,
    careful,
    new("git: push, on reject pull --rebase (30×)", (clone, i) => Scenario.Script(i, retries: 30)),
    new("git: push once, no retry", (clone, i) => Scenario.Script(i, retries: 0)),
];
Console.Write(ResultTable.Format(contenders, await Race(contenders, writers), writers, pipeline, careful));
if (crowd > 0)
{
    Console.WriteLine();
    Contender[] crowded = [pipeline, inProcess, careful];
    Console.Write(ResultTable.Format(crowded, await Race(crowded, crowd), crowd, pipeline, careful));
}

// 3. One write and nobody else: ours as a pipeline and in-process, beside git's plumbing as a script.
Console.WriteLine();
var plumbing = new Contender("git plumbing script: fetch, read-tree, cat-file, hash-object, update-index, write-tree, commit-tree, push", (clone, i) => Scenario.PlumbingScript(i));
Contender[] single = [pipeline, inProcess, plumbing];
var times = single.ToDictionary(c => c, _ => new List<TimeSpan>());
foreach (var contender in single)
{
    await Single(contender, trace: null); // untimed warm-up: the first in-process call pays the JIT, the first git its page cache
}

for (var run = 0; run < singles; run++)
{
    foreach (var contender in single)
    {
        times[contender].Add((await Single(contender, trace: null)).Wall);
    }
}

var traces = new Dictionary<Contender, (int, TimeSpan)>();
foreach (var contender in single)
{
    var file = Path.Combine(Path.GetTempPath(), $"gitops-writers-trace-{Guid.NewGuid():N}.json");
    await Single(contender, trace: file);
    traces[contender] = GitTrace.Read(file);
    File.Delete(file);
}

Console.Write(SingleWriteTable.Format(single, times, traces, plumbing));
return 0;

async Task<Dictionary<Contender, List<Outcome>>> Race(Contender[] racing, int count)
{
    var results = racing.ToDictionary(c => c, _ => new List<Outcome>());
    for (var run = 0; run < runs; run++)
    {
        // Round-robin, so machine noise lands on every contender alike.
        foreach (var contender in racing)
        {
            using var scenario = Scenario.Create(count);
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, count).Select(i => contender.RunAsync(scenario.Clones[i], i)));
            results[contender].Add(new Outcome(clock.Elapsed, scenario.Landed()));
        }
    }

    return results;
}

// One writer on a fresh repository; with a trace file, git records every process it starts there.
async Task<Outcome> Single(Contender contender, string? trace)
{
    using var scenario = Scenario.Create(1);
    Environment.SetEnvironmentVariable(GitTrace.Variable, trace);
    var clock = Stopwatch.StartNew();
    try
    {
        await contender.RunAsync(scenario.Clones[0], 0);
    }
    finally
    {
        Environment.SetEnvironmentVariable(GitTrace.Variable, null);
    }

    var wall = clock.Elapsed;
    return scenario.Landed() == 1 ? new Outcome(wall, 1) : throw new InvalidOperationException($"{contender.Name} did not land its one write");
}
