using Cake.Core;
using Cake.Core.IO;

namespace Cake.Release.GitOps;

/// <summary>
/// A command-line renderer (<c>kubectl</c>, <c>helm</c>) as found on PATH, run in a folder: what it printed, or the
/// last line it complained with, for the one-line error of its caller.
/// </summary>
internal sealed class RenderTool(ICakeContext context, string name)
{
    private readonly FilePath? _path = context.Tools.Resolve(name) ?? context.Tools.Resolve(name + ".exe");

    /// <summary>Whether the tool is on PATH.</summary>
    public bool Found => _path is not null;

    /// <summary>What the tool printed (ending in a line break) when it succeeded, else null and the reason in <paramref name="error"/>.</summary>
    public string? Run(ProcessArgumentBuilder arguments, string directory, out string error)
    {
        var settings = new ProcessSettings { Arguments = arguments, WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = context.ProcessRunner.Start(_path ?? throw new InvalidOperationException($"{name} is not on PATH; ask Found first"), settings);
        process.WaitForExit();
        var output = string.Join('\n', process.GetStandardOutput());
        error = process.GetStandardError().LastOrDefault(line => line.Trim().Length > 0)?.Trim() ?? $"{name} exited with {process.GetExitCode()}";
        return process.GetExitCode() == 0 ? output + "\n" : null;
    }
}
