using System.Diagnostics;
using System.Text.RegularExpressions;

namespace StartupBenchmark;

/// <summary>One way of starting a pipeline, and the stdout line that shows its first task has run.</summary>
/// <param name="UntilExit">Time the whole process (to its exit) instead of stopping the clock at the line.</param>
public sealed record Contender(string Name, string FileName, string Arguments, Regex FirstTaskLine, bool UntilExit = false)
{
    /// <summary>Wall time from process start to the first task's line; the process still runs to the end,
    /// so a run never overlaps the next one and a failure after the line still counts as a failure.</summary>
    public async Task<TimeSpan> TimeToFirstTaskLineAsync(string repositoryRoot)
    {
        var startInfo = new ProcessStartInfo(FileName, Arguments)
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Cake's log without ANSI escapes, so the line matches as plain text.
        startInfo.Environment["NO_COLOR"] = "1";

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"{Name}: could not start {FileName}");
        var errors = process.StandardError.ReadToEndAsync();
        TimeSpan? firstTaskLine = null;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (firstTaskLine is null && FirstTaskLine.IsMatch(line))
            {
                firstTaskLine = clock.Elapsed;
            }
        }

        await process.WaitForExitAsync();
        var exited = clock.Elapsed;
        if (process.ExitCode != 0 || firstTaskLine is null)
        {
            throw new InvalidOperationException(
                $"{Name}: exit code {process.ExitCode}, first task line {(firstTaskLine is null ? "never seen" : "seen")}. {await errors}".Trim());
        }

        return UntilExit ? exited : firstTaskLine.Value;
    }
}
