using System.Diagnostics;
using System.Globalization;
using System.Text;
using Benchmarks.Shared;
using Cake.Release.Building;
using Cake.Release.Changes;
using Cake.Release.Config;
using Cake.Release.Hosting;
using DetectChangedBenchmark;

// DetectChanged over HEAD~100..HEAD of a generated 1,000-service, 20,000-commit monorepo: ours (the alias in a running
// pipeline, and the DetectChanged target as a whole process) vs the bare `git diff --name-only` of the same range.
if (args.Length > 0 && args[0] == "pipeline")
{
    // The benchmark's own executable doubles as a pipeline host, for runs without detect-changed.sh (PipelineHost).
    return new CakeHost().AddAssembly(typeof(CakeHost).Assembly).Run(args[1..]);
}

var runs = 21;
var commits = 20_000;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--runs" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var r) && r > 0:
            runs = r;
            i++;
            break;
        case "--commits" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var c) && c > 200:
            commits = c;
            i++;
            break;
        default:
            Console.Error.WriteLine("usage: DetectChanged [--runs N] [--commits N]");
            return 2;
    }
}

var clock = Stopwatch.StartNew();
var repository = GeneratedMonorepo.Create(commits);
Console.Error.WriteLine($"generated {GeneratedMonorepo.Services} services, {commits} commits with git fast-import in {clock.Elapsed.TotalSeconds:0.0} s: {repository}");
var head = FastImportStream.Git(repository, null, "rev-parse", "HEAD").Trim();
var range = FastImportStream.Git(repository, null, "rev-parse", "HEAD~100").Trim();

var context = QuietCakeContext.Create();

string Alias() =>
    $"{context.DetectChanged(new DetectChangedSettings { ConfigFile = System.IO.Path.Combine(repository, "release.yaml"), Base = range, Head = head }).Services.Count} services";

string Task() =>
    $"{Run(PipelineHost.File, PipelineHost.Arguments("--target=DetectChanged", $"--base={range}", $"--head={head}", "--verbosity=quiet"))} exit";

// The two parts of ours that grow with the repository, timed alone to show where the time goes.
string ConfigLoad() =>
    $"{ReleaseConfigLoader.Load(System.IO.Path.Combine(repository, "release.yaml")).Services.Count} services";

string OurDiff() =>
    $"{FastImportStream.Git(repository, null, "diff", "--name-status", "-z", "-M", "--relative", range, head).Split('\0', StringSplitOptions.RemoveEmptyEntries).Length} fields";

string BareDiff() =>
    $"{FastImportStream.Git(repository, null, "diff", "--name-only", range, head).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length} files";

int Run(string file, params string[] arguments)
{
    var info = new ProcessStartInfo(file) { WorkingDirectory = repository, RedirectStandardOutput = true, RedirectStandardError = true };
    arguments.ToList().ForEach(info.ArgumentList.Add);
    using var process = Process.Start(info)!;
    var error = process.StandardError.ReadToEndAsync();
    process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    return process.ExitCode == 0 ? 0 : throw new InvalidOperationException($"{file} failed: {error.Result}");
}

var contenders = new (string Name, Func<string> Run)[]
{
    ("bare git diff --name-only", BareDiff),
    ("ours: DetectChanged alias, in-process", Alias),
    ($"ours: DetectChanged target, whole process ({PipelineHost.Label})", Task),
    ("part of ours: release.yaml load (1,000 services)", ConfigLoad),
    ("part of ours: git diff --name-status -z -M", OurDiff),
};
var results = contenders.Select(c => c.Run()).ToArray(); // untimed warm-up: JIT, disk cache
var times = contenders.Select(_ => new List<double>()).ToArray();
for (var run = 0; run < runs; run++)
{
    for (var i = 0; i < contenders.Length; i++)
    {
        var watch = Stopwatch.StartNew();
        contenders[i].Run();
        times[i].Add(watch.Elapsed.TotalMilliseconds);
    }
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[(sorted.Count / 2)]) / 2;
}

var peer = Median(times[0]);
var table = new StringBuilder()
    .AppendLine(CultureInfo.InvariantCulture, $"{GeneratedMonorepo.Services} services, {commits} commits; HEAD~100..HEAD; {runs} runs each, round-robin after one warm-up.")
    .AppendLine()
    .AppendLine("| Contender | Median ms | Min ms | Result | × bare diff |")
    .AppendLine("|---|---:|---:|---|---:|");
for (var i = 0; i < contenders.Length; i++)
{
    var median = Median(times[i]);
    table.AppendLine(CultureInfo.InvariantCulture, $"| {contenders[i].Name} | {median:0.0} | {times[i].Min():0.0} | {results[i]} | {median / peer:0.00}× |");
}

Console.Write(table);
Directory.Delete(repository, recursive: true);
return 0;
