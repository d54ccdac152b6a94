using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;
using StartupBenchmark;

// Startup of a one-task pipeline: our host and a warm build.sh against dotnet cake on the same task.
// Prints figures, not a verdict to fail on: exit code 1 means a contender did not run.
var runs = 7;
if (args is ["--runs", var count] && int.TryParse(count, CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
{
    runs = parsed;
}
else if (args.Length > 0)
{
    Console.Error.WriteLine("usage: StartupBenchmark [--runs N]   (N > 0, default 7)");
    return 2;
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
    return 0;
}
catch (Exception e) when (e is InvalidOperationException or Win32Exception)
{
    Console.Error.WriteLine(e.Message);
    return 1;
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
