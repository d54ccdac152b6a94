using System.Diagnostics;

namespace GitOpsWriters;

/// <summary>One way of writing a service's version to the shared branch, started once per writer.</summary>
public sealed class Contender(string name, Func<string, int, ProcessStartInfo> start)
{
    public string Name { get; } = name;

    public async Task RunAsync(string clone, int writer)
    {
        var info = start(clone, writer);
        info.WorkingDirectory = clone;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.Environment["NO_COLOR"] = "1";
        Scenario.SetIdentity(info);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {info.FileName}");
        // A writer that gives up is not an error of the benchmark: its lost update shows in the table.
        await Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync(), process.WaitForExitAsync());
    }
}

/// <summary>How long one contender's writers took together, and how many of their updates are on the branch.</summary>
public sealed record Outcome(TimeSpan Wall, int Landed);
