using Cake.Core;
using Cake.Core.IO;

namespace Cake.Release.Doctor;

/// <summary>Finds a tool on PATH through Cake's tool locator and asks it for its version.</summary>
internal sealed class ToolProbe(ICakeContext context)
{
    public ToolCheck Check(ReleaseTool tool)
    {
        var path = context.Tools.Resolve(tool.Command);
        if (path is null)
        {
            return new ToolCheck(tool, null, null);
        }

        return new ToolCheck(tool, path.FullPath, Version(path, tool));
    }

    private string? Version(FilePath path, ReleaseTool tool)
    {
        var settings = new ProcessSettings { Arguments = tool.VersionArguments, RedirectStandardOutput = true, RedirectStandardError = true, Silent = true };
        using var process = context.ProcessRunner.Start(path, settings);
        if (!process.WaitForExit(10_000))
        {
            process.Kill();
            return null;
        }

        process.WaitForExit(); // a timed wait returns before the redirected output is drained
        return process.GetStandardOutput().FirstOrDefault(line => !string.IsNullOrWhiteSpace(line))?.Trim();
    }
}
