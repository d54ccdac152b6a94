using System.Diagnostics;

namespace GitOpsWriters;

/// <summary>
/// One way of writing a service's version to the shared branch, started once per writer: as a process of its own
/// (a pipeline, a script), or, for ours, as a call in this already running process, which shows the write without
/// the start-up of a pipeline.
/// </summary>
public sealed class Contender
{
    private readonly Func<string, int, ProcessStartInfo>? _start;
    private readonly Action<string, int>? _call;

    public Contender(string name, Func<string, int, ProcessStartInfo> start) => (Name, _start) = (name, start);

    public Contender(string name, Action<string, int> call) => (Name, _call) = (name, call);

    public string Name { get; }

    public async Task RunAsync(string clone, int writer)
    {
        if (_call is not null)
        {
            // A writer that gives up is not an error of the benchmark: its lost update shows in the table.
            await Task.Run(() =>
            {
                try
                {
                    _call(clone, writer);
                }
                catch (Exception exception) when (exception is Cake.Release.ReleaseException or IOException)
                {
                }
            });
            return;
        }

        var info = _start!(clone, writer);
        info.WorkingDirectory = clone;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.Environment["NO_COLOR"] = "1";
        Scenario.SetIdentity(info);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {info.FileName}");
        await Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync(), process.WaitForExitAsync());
    }
}

/// <summary>How long one contender's writers took together, and how many of their updates are on the branch.</summary>
public sealed record Outcome(TimeSpan Wall, int Landed);
