using System.Diagnostics;

namespace Cake.Release.GitOps;

/// <summary>What one byte-exact <c>git</c> call printed: its standard output as bytes, its errors as lines.</summary>
internal sealed record GitBytes(int ExitCode, byte[] Output, IReadOnlyList<string> Error)
{
    /// <summary>The same call as a <see cref="GitOutput"/>, for the one-line failure every git call ends in.</summary>
    public GitOutput AsOutput() => new(ExitCode, [], Error);
}

/// <summary>
/// Runs git with bytes in and bytes out, for the plumbing of a GitOps write (<c>cat-file --batch</c>,
/// <c>fast-import</c>). Cake's runner hands output over as text lines, which loses CR LF and a final newline, and
/// its per-call overhead is paid for every process between reading a branch's tip and pushing to it: the window in
/// which another pipeline can push first (benchmarks/GitOpsWriters). The environment is the one
/// <see cref="GitTool"/> gives every call: the settings' variables, a fixed locale, no terminal prompts.
/// </summary>
internal static class GitPipe
{
    public static GitBytes Run(string toolPath, string workingDirectory, IReadOnlyList<string> arguments, IEnumerable<KeyValuePair<string, string>> environment, byte[]? standardInput, TimeSpan? timeout)
    {
        var start = new ProcessStartInfo(toolPath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {toolPath}");
        var output = new MemoryStream();
        var reading = process.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = process.StandardError.ReadToEndAsync();
        // Written while the output is drained, so a large answer cannot fill the pipe and stall both sides.
        try
        {
            if (standardInput is not null)
            {
                process.StandardInput.BaseStream.Write(standardInput);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // git exited before reading all of it; its exit code and errors say why.
        }

        if (!process.WaitForExit(timeout ?? Timeout.InfiniteTimeSpan))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new GitBytes(-1, [], [$"git {arguments.FirstOrDefault()} did not finish within {timeout}"]);
        }

        Task.WaitAll(reading, errors);
        return new GitBytes(process.ExitCode, output.ToArray(), errors.Result.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0).ToList());
    }
}
