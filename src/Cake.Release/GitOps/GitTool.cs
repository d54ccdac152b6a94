using Cake.Core;
using Cake.Core.IO;
using Cake.Core.Tooling;
using Cake.Release.Secrets;

namespace Cake.Release.GitOps;

/// <summary>Settings for the <c>git</c> command line as Cake runs it (tool path, timeout, environment).</summary>
public sealed class GitSettings : ToolSettings
{
}

/// <summary>What one <c>git</c> call printed and returned.</summary>
internal sealed record GitOutput(int ExitCode, IReadOnlyList<string> Output, IReadOnlyList<string> Error)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>This output when git succeeded, else the one-line error the failed call becomes.</summary>
    public GitOutput OrFail(DirectoryPath root, string action, string fix) =>
        Succeeded ? this : throw new ReleaseException($"git could not {action} in {root.FullPath}: {Reason}; {fix}.");

    /// <summary>The line git ends a failure with ("fatal: …"), credentials in URLs masked.</summary>
    public string Reason =>
        SecretRedactor.MaskUserInfo(Error.LastOrDefault(line => line.Trim().Length > 0)?.Trim() ?? $"git exited with {ExitCode}");
}

/// <summary>
/// The <c>git</c> CLI as a Cake tool. Every call runs with a fixed locale (so failures can be told apart by their
/// text) and with terminal prompts off (so a push without credentials fails instead of waiting for a password).
/// Exit codes are returned, not thrown: the callers decide which failures are retried, expected, or fatal.
/// </summary>
internal sealed class GitTool : Tool<GitSettings>
{
    private readonly GitSettings _template;
    private readonly FilePath? _toolPath;

    public GitTool(ICakeContext context, GitSettings? settings = null)
        : base(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools)
    {
        _template = settings ?? new GitSettings();
        // Resolved once: Cake's tool lookup searches folders on every run, which costs more than git itself, and a
        // GitOps write runs git a dozen times inside the window in which another pipeline can push first.
        _toolPath = _template.ToolPath ?? context.Tools.Resolve("git") ?? context.Tools.Resolve("git.exe");
    }

    public GitOutput Run(DirectoryPath workingDirectory, ProcessArgumentBuilder arguments, IReadOnlyDictionary<string, string>? environment = null, byte[]? standardInput = null)
    {
        var settings = new GitSettings
        {
            ToolPath = _toolPath,
            ToolTimeout = _template.ToolTimeout,
            WorkingDirectory = workingDirectory,
            HandleExitCode = _ => true,
            EnvironmentVariables = new Dictionary<string, string>(_template.EnvironmentVariables ?? new Dictionary<string, string>())
            {
                ["LC_ALL"] = "C",
                ["GIT_TERMINAL_PROMPT"] = "0",
            },
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            settings.EnvironmentVariables[key] = value;
        }

        var process = new ProcessSettings { RedirectStandardOutput = true, RedirectStandardError = true };
        if (standardInput is not null)
        {
            process.SetStandardInput(standardInput);
        }

        GitOutput? result = null;
        Run(settings, arguments, process, p => result = new GitOutput(p.GetExitCode(), p.GetStandardOutput().ToList(), p.GetStandardError().ToList()));
        return result ?? throw new InvalidOperationException("git ran but reported nothing");
    }

    protected override string GetToolName() => "git";

    protected override IEnumerable<string> GetToolExecutableNames() => ["git", "git.exe"];
}
