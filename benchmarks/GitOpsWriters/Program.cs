using System.Diagnostics;
using System.Globalization;
using Cake.Release.Hosting;
using GitOpsWriters;

// Invoked with --target, this program is the pipeline each writer runs (our host with Cake.Release's tasks), so
// every contender is a set of real processes, as CI jobs are.
if (args.Any(a => a.StartsWith("--target", StringComparison.Ordinal)))
{
    return new CakeHost().AddAssembly(typeof(CakeHost).Assembly).Run(args);
}

var (runs, writers) = (3, 20);
for (var i = 0; i + 1 < args.Length; i += 2)
{
    _ = args[i] switch
    {
        "--runs" => int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out runs),
        "--writers" => int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out writers),
        _ => false,
    };
}

if (runs < 1 || writers < 1 || args.Length % 2 != 0)
{
    Console.Error.WriteLine("usage: GitOpsWriters [--runs N] [--writers W]   (defaults 3 and 20)");
    return 2;
}

var self = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
Contender[] contenders =
[
    new("Cake.Release UpdateManifest", (clone, i) => new ProcessStartInfo(self, ["--target=UpdateManifest", "--env=staging", $"--service={Scenario.Service(i)}", $"--version={Scenario.Version(i)}", "--commit=HEAD", "--verbosity=quiet"])),
    new("git: on reject, reset to the new tip and re-apply (30×)", (clone, i) => Scenario.ReapplyScript(i, retries: 30)),
    new("git: push, on reject pull --rebase (30×)", (clone, i) => Scenario.Script(i, retries: 30)),
    new("git: push once, no retry", (clone, i) => Scenario.Script(i, retries: 0)),
];

var results = contenders.ToDictionary(c => c, _ => new List<Outcome>());
for (var run = 0; run < runs; run++)
{
    // Round-robin, so machine noise lands on every contender alike.
    foreach (var contender in contenders)
    {
        using var scenario = Scenario.Create(writers);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(i => contender.RunAsync(scenario.Clones[i], i)));
        results[contender].Add(new Outcome(clock.Elapsed, scenario.Landed()));
    }
}

Console.Write(ResultTable.Format(contenders, results, writers));
return 0;
