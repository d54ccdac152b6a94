using System.Diagnostics;
using System.Globalization;
using System.Text;
using Benchmarks.Shared;
using Cake.Release.Hosting;
using Cake.Release.Reporting;
using StatusScaleBenchmark;

// Status from git of one repository with 1,000 and then 10,000 services x 3 environments, every entry's version tag
// checked in an OCI layout: ours (the Status alias in a running pipeline, and the Status target as a whole process)
// vs the peer, `git show` of each environment's manifest (3 processes), which reads the same three files and nothing else.
if (args.Length > 0 && args[0] == "pipeline")
{
    // The benchmark's own executable doubles as a pipeline host, for runs without status-scale.sh (PipelineHost).
    return new CakeHost().AddAssembly(typeof(CakeHost).Assembly).Run(args[1..]);
}

var runs = 5;
var sizes = new List<int>();
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--runs":
            runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        case "--services":
            sizes.Add(int.Parse(args[i + 1], CultureInfo.InvariantCulture));
            break;
        default:
            runs = 0;
            break;
    }
}

if (runs < 1 || sizes.Any(s => s < 1) || args.Length % 2 != 0)
{
    Console.Error.WriteLine("usage: StatusScale [--runs N] [--services S]...   (defaults 5, and S = 1000 then 10000)");
    return 2;
}

if (sizes.Count == 0)
{
    sizes = [1000, 10_000];
}

var rows = new List<(int Services, string Name, double Median, double Min, string Answer)>();
foreach (var services in sizes)
{
    var folder = Directory.CreateTempSubdirectory("cake-release-status-scale-").FullName;
    try
    {
        var clock = Stopwatch.StartNew();
        var clone = ScaledLandscape.Create(folder, services);
        Console.Error.WriteLine($"generated {services} services x 3 environments and {services} OCI layouts in {clock.Elapsed.TotalSeconds:0.0} s: {clone}");
        var context = QuietCakeContext.Create();
        var config = Path.Combine(clone, "release.yaml");

        string Alias()
        {
            var status = context.Status(new StatusSettings { ConfigFile = config });
            return $"{status.Cells.Count(c => c.Runs)} cells run";
        }

        string Target()
        {
            Run(clone, PipelineHost.File, PipelineHost.Arguments("--target=Status", "--verbosity=quiet"));
            return "exit 0";
        }

        string Peer() =>
            $"{ScaledLandscape.Environments.Sum(e => Run(clone, "git", "show", $"origin/gitops/{e}:release-manifests/{e}.yaml").Length) / 1000} KB of text";

        string Run(string directory, string file, params string[] arguments)
        {
            var info = new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(info)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{file} failed: {error.Result}{output}");
        }

        var contenders = new (string Name, Func<string> Run)[]
        {
            ("3x git show (peer)", Peer),
            ("ours: Status alias, in-process", Alias),
            ($"ours: Status target, whole process ({PipelineHost.Label})", Target),
        };
        var answers = contenders.Select(c => c.Run()).ToArray();   // untimed warm-up: JIT, disk cache
        var times = contenders.Select(_ => new List<double>()).ToArray();
        for (var run = 0; run < runs; run++)
        {
            for (var c = 0; c < contenders.Length; c++)
            {
                var watch = Stopwatch.StartNew();
                contenders[c].Run();
                times[c].Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        for (var c = 0; c < contenders.Length; c++)
        {
            var sorted = times[c].Order().ToList();
            var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
            rows.Add((services, contenders[c].Name, median, sorted[0], answers[c]));
        }
    }
    finally
    {
        Directory.Delete(folder, recursive: true);
    }
}

var table = new StringBuilder()
    .AppendLine(CultureInfo.InvariantCulture, $"Status from git, services x 3 environments, each entry's version tag checked in its OCI layout; {runs} runs each, round-robin after one warm-up.")
    .AppendLine()
    .AppendLine("| Services | Contender | Median ms | Min ms | × peer | Answer |")
    .AppendLine("|---:|---|---:|---:|---:|---|");
foreach (var row in rows)
{
    var peer = rows.First(r => r.Services == row.Services).Median;
    table.AppendLine(CultureInfo.InvariantCulture, $"| {row.Services:N0} | {row.Name} | {row.Median:0} | {row.Min:0} | {row.Median / peer:0.00}× | {row.Answer} |");
}

Console.Write(table);
return 0;
