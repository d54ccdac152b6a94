using System.Diagnostics;
using System.Globalization;
using System.Text;
using Benchmarks.Shared;
using Cake.Release.Hosting;
using Cake.Release.Promotion;
using RollbackHistoryBenchmark;

// A rollback planned over a generated manifest history of R revisions (default 10,000) on gitops/production, with the
// manifest listing 100 and then 1,000 services and the rolled-back service's entry changed in every 20th revision:
// ours (the Rollback alias in a running pipeline, dry run, and the Rollback target as a whole process) vs the peer,
// `git log --format=%H:<path> -- <path> | git cat-file --batch`, which reads the same revisions' text and nothing else.
if (args.Length > 0 && args[0] == "pipeline")
{
    // The benchmark's own executable doubles as a pipeline host, for runs without rollback-history.sh (PipelineHost).
    return new CakeHost().AddAssembly(typeof(CakeHost).Assembly).Run(args[1..]);
}

var (runs, revisions) = (5, 10_000);
var sizes = new List<int>();
for (var i = 0; i + 1 < args.Length; i += 2)
{
    _ = args[i] switch
    {
        "--runs" => int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out runs),
        "--revisions" => int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out revisions),
        "--services" => Add(sizes, args[i + 1]),
        _ => false,
    };
}

if (runs < 1 || revisions < 40 || sizes.Any(s => s < 10) || args.Length % 2 != 0)
{
    Console.Error.WriteLine("usage: RollbackHistory [--runs N] [--revisions R] [--services S]...   (defaults 5, 10000, and S = 100 then 1000)");
    return 2;
}

if (sizes.Count == 0)
{
    sizes = [100, 1000];
}

var time = File.Exists("/usr/bin/time") ? "/usr/bin/time" : null;
var rows = new List<(int Services, string Name, double Median, double Min, long PeakKb, string Answer)>();
foreach (var services in sizes)
{
    var folder = Directory.CreateTempSubdirectory("cake-release-rollback-bench-").FullName;
    try
    {
        var clock = Stopwatch.StartNew();
        var clone = GitOpsHistory.Create(folder, services, revisions);
        Console.Error.WriteLine($"generated {revisions} revisions of a {services}-service manifest with git fast-import in {clock.Elapsed.TotalSeconds:0.0} s: {clone}");
        var context = QuietCakeContext.Create();
        var config = System.IO.Path.Combine(clone, "release.yaml");

        // Each contender answers with what it found, so the rows can be checked against each other.
        (string Answer, long PeakKb) Alias()
        {
            var result = context.Rollback(new RollbackSettings { Environment = "production", Service = GitOpsHistory.Service, ConfigFile = config, DryRun = true });
            return ($"{result.FromVersion} → {result.Version} ({result.Commit![..7]})", 0);
        }

        (string Answer, long PeakKb) Target() =>
            ("exit 0", Run(clone, PipelineHost.File, PipelineHost.Arguments("--target=Rollback", "--env=production", $"--service={GitOpsHistory.Service}", "--dryrun", "--verbosity=quiet")).PeakKb);

        (string Answer, long PeakKb) Peer() =>
            Run(clone, "/bin/sh", "-c", $"git log --format=%H:{GitOpsHistory.Path} origin/gitops/production -- {GitOpsHistory.Path} | git cat-file --batch | wc -c");

        (string Answer, long PeakKb) Run(string directory, string file, params string[] arguments)
        {
            var peak = System.IO.Path.Combine(folder, "peak");
            var info = time is null
                ? new ProcessStartInfo(file, arguments)
                : new ProcessStartInfo(time, ["-f", "%M", "-o", peak, file, .. arguments]);
            info.WorkingDirectory = directory;
            info.RedirectStandardOutput = true;
            info.RedirectStandardError = true;
            using var process = Process.Start(info)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{file} failed: {error.Result}{output}");
            }

            var kb = time is null ? 0 : long.Parse(File.ReadAllText(peak).Trim().Split('\n')[^1], CultureInfo.InvariantCulture);
            return (output.Trim().Split('\n')[^1], kb);
        }

        var contenders = new (string Name, Func<(string Answer, long PeakKb)> Run)[]
        {
            (@"git log \| git cat-file --batch (peer)", Peer),
            ("ours: Rollback alias, in-process (dry run)", Alias),
            ($"ours: Rollback target, whole process (--dryrun; {PipelineHost.Label})", Target),
        };
        var answers = contenders.Select(c => c.Run().Answer).ToArray();   // untimed warm-up: JIT, disk cache
        var times = contenders.Select(_ => new List<double>()).ToArray();
        var peaks = contenders.Select(_ => 0L).ToArray();
        var allocated = new List<long>();
        for (var run = 0; run < runs; run++)
        {
            for (var c = 0; c < contenders.Length; c++)
            {
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                var (_, kb) = contenders[c].Run();
                times[c].Add(watch.Elapsed.TotalMilliseconds);
                peaks[c] = Math.Max(peaks[c], kb);
                if (contenders[c].Run == Alias)
                {
                    allocated.Add(GC.GetTotalAllocatedBytes(precise: true) - before);
                }
            }
        }

        for (var c = 0; c < contenders.Length; c++)
        {
            var sorted = times[c].Order().ToList();
            var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
            var answer = c == 0 ? $"{long.Parse(answers[0], CultureInfo.InvariantCulture) / 1_000_000.0:0} MB of text" : answers[c];
            if (contenders[c].Run == Alias)
            {
                answer += $"; {allocated.Order().ToList()[allocated.Count / 2] / 1_000_000.0:0} MB allocated";
            }

            rows.Add((services, contenders[c].Name, median, sorted[0], peaks[c], answer));
        }
    }
    finally
    {
        Directory.Delete(folder, recursive: true);
    }
}

static bool Add(List<int> sizes, string text)
{
    var ok = int.TryParse(text, CultureInfo.InvariantCulture, out var services);
    sizes.Add(ok ? services : 0);
    return ok;
}

var table = new StringBuilder()
    .AppendLine(CultureInfo.InvariantCulture, $"Rollback of {GitOpsHistory.Service} over {revisions} manifest revisions ({revisions / 20} of them change its entry); {runs} runs each, round-robin after one warm-up.")
    .AppendLine()
    .AppendLine("| Services in manifest | Contender | Median ms | Min ms | × peer | Peak RSS MB | Answer |")
    .AppendLine("|---:|---|---:|---:|---:|---:|---|");
foreach (var row in rows)
{
    var peer = rows.First(r => r.Services == row.Services).Median;
    var peak = row.PeakKb == 0 ? "–" : (row.PeakKb / 1024.0).ToString("0", CultureInfo.InvariantCulture);
    table.AppendLine(CultureInfo.InvariantCulture, $"| {row.Services:N0} | {row.Name} | {row.Median:0} | {row.Min:0} | {row.Median / peer:0.00}× | {peak} | {row.Answer} |");
}

Console.Write(table);
return 0;
