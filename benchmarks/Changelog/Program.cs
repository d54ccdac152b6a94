using System.Diagnostics;
using System.Globalization;
using System.Text;
using Benchmarks.Shared;
using Cake.Release.Changelog;
using Cake.Release.Charts;
using ChangelogBenchmark;

// A changelog for one service path (projects/svc07, 500 of 10,000 commits) over svc07/1.0.0..HEAD: ours
// (the WriteChangelog alias in a running pipeline, dry run so every run does the whole work) vs git-cliff with
// --include-path over the same range; and ours as a whole process (--target=WriteChangelog, dry run too), beside
// git-cliff's whole process. Measured without and then with a commit-graph (changed-path Bloom filters).
if (args.Length > 0 && args[0] == "pipeline")
{
    // The benchmark's own executable doubles as a pipeline host, for runs without changelog.sh (PipelineHost).
    return new Cake.Release.Hosting.CakeHost().AddAssembly(typeof(Cake.Release.Hosting.CakeHost).Assembly).Run(args[1..]);
}

var runs = 7;
var commits = 10_000;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--runs" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var r) && r > 0:
            runs = r;
            i++;
            break;
        case "--commits" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var c) && c > 20:
            commits = c;
            i++;
            break;
        default:
            Console.Error.WriteLine("usage: Changelog [--runs N] [--commits N]   (GIT_CLIFF=<path to git-cliff 2.14.2>)");
            return 2;
    }
}

var gitCliff = Environment.GetEnvironmentVariable("GIT_CLIFF") ?? "git-cliff";
var clock = Stopwatch.StartNew();
var repository = GeneratedMonorepo.Create(commits);
Console.Error.WriteLine($"generated {commits} commits with git fast-import in {clock.Elapsed.TotalSeconds:0.0} s: {repository}");

var context = QuietCakeContext.Create();

int Ours()
{
    var result = context.WriteChangelog(new WriteChangelogSettings
    {
        Service = "svc07",
        ConfigFile = System.IO.Path.Combine(repository, "release.yaml"),
        DryRun = true,
        Date = new DateOnly(2025, 1, 20),
    });
    return result.Changes.Single().After!.Split('\n').Count(line => line.StartsWith("- ", StringComparison.Ordinal));
}

// The target as CI runs it: a pipeline process in the repository. Its dry run prints the section as a diff, so its
// entries are the added lines that are list items.
int OursProcess()
{
    var info = new ProcessStartInfo(PipelineHost.File) { WorkingDirectory = repository, RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var arg in PipelineHost.Arguments("--target=WriteChangelog", "--service=svc07", "--date=2025-01-20", "--dryrun"))
    {
        info.ArgumentList.Add(arg);
    }

    info.Environment["NO_COLOR"] = "1";
    using var process = Process.Start(info)!;
    var error = process.StandardError.ReadToEndAsync();
    var output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    return process.ExitCode == 0 ? output.Split('\n').Count(line => line.StartsWith("+- ", StringComparison.Ordinal)) : throw new InvalidOperationException($"WriteChangelog failed: {error.Result}");
}

int GitCliff()
{
    var info = new ProcessStartInfo(gitCliff) { WorkingDirectory = repository, RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var arg in new[] { "--include-path", "projects/svc07/**", "--tag", "svc07/1.1.0", "--output", "-", "svc07/1.0.0..HEAD" })
    {
        info.ArgumentList.Add(arg);
    }

    using var process = Process.Start(info)!;
    var error = process.StandardError.ReadToEndAsync();
    var output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    return process.ExitCode == 0
        ? output.Split('\n').Count(line => line.StartsWith("- ", StringComparison.Ordinal))
        : throw new InvalidOperationException($"git-cliff failed: {error.Result}");
}

var rows = new List<(string Setup, string Name, double Median, double Min, int Entries)>();
foreach (var commitGraph in new[] { false, true })
{
    if (commitGraph)
    {
        FastImportStream.Git(repository, null, "commit-graph", "write", "--reachable", "--changed-paths");
    }

    var contenders = new (string Name, Func<int> Run)[]
    {
        ("ours: WriteChangelog alias, in-process", Ours),
        ($"ours: --target=WriteChangelog, whole process ({PipelineHost.Label})", OursProcess),
        ("git-cliff 2.14.2, whole process", GitCliff),
    };
    var entries = contenders.Select(c => c.Run()).ToArray(); // untimed warm-up: JIT, disk cache
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

    for (var i = 0; i < contenders.Length; i++)
    {
        var sorted = times[i].Order().ToList();
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        rows.Add((commitGraph ? "with commit-graph" : "no commit-graph", contenders[i].Name, median, sorted[0], entries[i]));
    }
}

var table = new StringBuilder()
    .AppendLine(CultureInfo.InvariantCulture, $"{commits} commits, 20 services; changelog of projects/svc07 over svc07/1.0.0..HEAD; {runs} runs each, round-robin after one warm-up.")
    .AppendLine()
    .AppendLine("| Repository | Contender | Median ms | Min ms | Entries | × git-cliff |")
    .AppendLine("|---|---|---:|---:|---:|---:|");
foreach (var row in rows)
{
    var peer = rows.Single(r => r.Setup == row.Setup && r.Name.StartsWith("git-cliff", StringComparison.Ordinal)).Median;
    table.AppendLine(CultureInfo.InvariantCulture, $"| {row.Setup} | {row.Name} | {row.Median:0} | {row.Min:0} | {row.Entries} | {row.Median / peer:0.00}× |");
}

Console.Write(table);
Directory.Delete(repository, recursive: true);
return 0;
