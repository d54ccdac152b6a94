using System.Diagnostics;

namespace Cake.Release.Tests.Infrastructure;

/// <summary>What a finished process printed and returned.</summary>
public sealed record ProcessResult(int ExitCode, string Output, string Error)
{
    public string All => Output + Error;

    /// <summary>The markers the fixture's tasks log ("ran:Clean" → "Clean"), in order.</summary>
    public IReadOnlyList<string> Ran =>
        Output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("ran:", StringComparison.Ordinal)).Select(l => l[4..]).ToList();

    public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

/// <summary>
/// Runs a command to completion, with a bound on time and no colour codes (NO_COLOR=1). An empty value in
/// <c>environment</c> unsets that variable (a test of colours unsets NO_COLOR; others clear CI variables).
/// </summary>
public static class ProcessRun
{
    public static ProcessResult Start(string fileName, IEnumerable<string> args, string? workingDirectory = null, IDictionary<string, string>? environment = null, TimeSpan? timeout = null, string? input = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["NO_COLOR"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            if (value.Length == 0)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {fileName}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not finish in time");
        }

        process.WaitForExit();
        return new ProcessResult(process.ExitCode, output.Result, error.Result);
    }
}
