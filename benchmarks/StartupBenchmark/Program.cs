using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;
using StartupBenchmark;

// Startup of a one-task pipeline: our host and a warm build.sh against dotnet cake on the same task.
// Prints figures, not a verdict to fail on: exit code 1 means a contender did not run.
var runs = 7;
string? consumer = null;
for (var i = 0; i < args.Length; i += 2)
{
    var value = i + 1 < args.Length ? args[i + 1] : null;
    switch (args[i])
    {
        case "--runs" when int.TryParse(value, CultureInfo.InvariantCulture, out var parsed) && parsed > 0:
            runs = parsed;
            break;
        case "--consumer" when Directory.Exists(value):
            consumer = Path.GetFullPath(value);
            break;
        default:
            Console.Error.WriteLine("usage: StartupBenchmark [--runs N] [--consumer <built copy of examples/monorepo>]   (N > 0, default 7)");
            return 2;
    }
}

try
{
    var root = RepositoryRoot();
    var marker = new Regex("first-task-line");
    // The apphost, as build.sh execs it: the gap between the two is build.sh's own cost.
    var host = new Contender("(a) our host", Path.Combine(root, "artifacts/bin/HostStartup/release/HostStartup"), "", marker);
    // The Version task logs the bare version; nothing else Cake prints is a line of that shape.
    var buildScript = new Contender("(b) warm ./build.sh", Path.Combine(root, "build.sh"), "--target=Version", new Regex(@"^\d+\.\d+\.\d+\S*$"));
    var dotnetCake = new Contender("dotnet cake", "dotnet", "cake benchmarks/HostStartup/build.cake", marker);
    // Cake can cache the compiled script; shown beside the default so the comparison hides nothing.
    var dotnetCakeCached = new Contender("dotnet cake, script cache on", "dotnet", "cake benchmarks/HostStartup/build.cake --settings_enablescriptcache=true", marker);
    Contender[] contenders = [host, buildScript, dotnetCake, dotnetCakeCached];

    // Untimed: the first start of each pays for a cold disk cache, which no later start does.
    foreach (var contender in contenders)
    {
        await contender.TimeToFirstTaskLineAsync(root);
    }

    // Round-robin, so a burst of machine noise lands on every contender instead of on one.
    var times = contenders.ToDictionary(c => c, _ => new List<TimeSpan>());
    for (var run = 0; run < runs; run++)
    {
        foreach (var contender in contenders)
        {
            times[contender].Add(await contender.TimeToFirstTaskLineAsync(root));
        }
    }

    Console.Write(ResultTable.Format(contenders, times, peer: dotnetCake, goalContender: buildScript, goalRatio: 0.2));
    if (consumer is not null)
    {
        Console.WriteLine();
        Console.Write(await ConsumerPipelineAsync(consumer, runs));
    }

    return 0;
}
catch (Exception e) when (e is InvalidOperationException or Win32Exception)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

// A pipeline as users have it (examples/monorepo's build/, one PackageReference to the package packed from this tree):
// the floor is its own --version (runtime and host start, nothing else); the first task is DetectChanged, whose
// banner Cake prints before the task reads release.yaml. Built two ways: dotnet build (JIT) and build.sh's
// ReadyToRun publish.
static async Task<string> ConsumerPipelineAsync(string repository, int runs)
{
    var banner = new Regex(@"^ DetectChanged\s*$");
    var detect = "--target=DetectChanged --base=HEAD --head=HEAD";
    var jit = Path.Combine(repository, "artifacts/bin/Build/release/Build");
    var precompiled = Path.Combine(repository, "artifacts/pipeline/Build");
    var version = new Contender("--version (ReadyToRun)", precompiled, "--version", new Regex("^Cake.Release "));
    Contender[] contenders =
    [
        version,
        new("first task, dotnet build (JIT)", jit, detect, banner),
        new("first task, build.sh (ReadyToRun)", precompiled, detect, banner),
        new("first task, warm ./build.sh", Path.Combine(repository, "build.sh"), detect, banner),
        new("whole DetectChanged, build.sh (ReadyToRun)", precompiled, detect, banner, UntilExit: true),
    ];

    foreach (var contender in contenders)
    {
        await contender.TimeToFirstTaskLineAsync(repository);
    }

    var times = contenders.ToDictionary(c => c, _ => new List<TimeSpan>());
    for (var run = 0; run < runs; run++)
    {
        foreach (var contender in contenders)
        {
            times[contender].Add(await contender.TimeToFirstTaskLineAsync(repository));
        }
    }

    return ResultTable.FormatAgainstGoal(contenders, times, peer: version, goalContender: contenders[3], goalMilliseconds: 150);
}

// Found from the binary's own location, so the benchmark runs the same from any directory.
static string RepositoryRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "Cake.Release.slnx")))
        {
            return directory.FullName;
        }
    }

    throw new InvalidOperationException($"no Cake.Release.slnx above {AppContext.BaseDirectory}");
}
