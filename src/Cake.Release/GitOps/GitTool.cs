using System.Runtime.CompilerServices;
using Cake.Core;
using Cake.Core.Diagnostics;
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
    /// <param name="root">The folder git ran in.</param>
    /// <param name="action">What the call was for, e.g. "read the branches of remote 'origin'".</param>
    /// <param name="fix">What to do about a failure that is not one of those <see cref="GitFailure"/> names.</param>
    /// <param name="remote">The remote the call talked to, so that a missing or unreachable one is named as such.</param>
    public GitOutput OrFail(DirectoryPath root, string action, string fix, string? remote = null) =>
        Succeeded ? this : throw new ReleaseException(GitFailure.Describe(root, action, fix, this, remote));

    /// <summary>The line that says why git failed ("fatal: …"), credentials in URLs masked.</summary>
    public string Reason => GitFailure.Reason(Error, ExitCode);
}

/// <summary>
/// The <c>git</c> CLI as a Cake tool. Every call runs with a fixed locale (so failures can be told apart by their
/// text) and with terminal prompts off (so a push without credentials fails instead of waiting for a password).
/// Exit codes are returned, not thrown: the callers decide which failures are retried, expected, or fatal.
/// </summary>
internal sealed class GitTool : Tool<GitSettings>, IGit
{
    // One per run (Cake context) and git settings: the adapters of a run share it, and git's path is resolved once.
    private static readonly ConditionalWeakTable<ICakeContext, Dictionary<object, GitTool>> PerRun = [];
    private static readonly object DefaultSettings = new();
    private readonly GitSettings _template;
    private readonly FilePath? _toolPath;
    private readonly ICakeLog _log;

    private GitTool(ICakeContext context, GitSettings? settings)
        : base(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools)
    {
        _template = settings ?? new GitSettings();
        // Resolved once: Cake's tool lookup searches folders on every run, which costs more than git itself, and a
        // GitOps write runs git a dozen times inside the window in which another pipeline can push first.
        _toolPath = _template.ToolPath ?? context.Tools.Resolve("git") ?? context.Tools.Resolve("git.exe");
        _log = context.Log;
    }

    /// <summary>The git of this run for these settings.</summary>
    public static IGit For(ICakeContext context, GitSettings? settings = null)
    {
        var tools = PerRun.GetValue(context, _ => []);
        lock (tools)
        {
            var key = (object?)settings ?? DefaultSettings;
            if (!tools.TryGetValue(key, out var git))
            {
                tools[key] = git = new GitTool(context, settings);
            }

            return git;
        }
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
        result = result ?? throw new InvalidOperationException("git ran but reported nothing");
        return result.Error.Any(line => line.Contains("does not appear to be a git repository", StringComparison.Ordinal))
            ? OutsideRepository(workingDirectory, result)
            : result;
    }

    public System.Diagnostics.ProcessStartInfo Streaming(DirectoryPath workingDirectory, ProcessArgumentBuilder arguments)
    {
        LogCommandLine(arguments.RenderSafe);
        var start = new System.Diagnostics.ProcessStartInfo(Executable, arguments.Render())
        {
            WorkingDirectory = workingDirectory.FullPath,
            UseShellExecute = false,
        };
        foreach (var (key, value) in _template.EnvironmentVariables ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        start.Environment["LC_ALL"] = "C";
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        return start;
    }

    public GitBytes RunBytes(DirectoryPath workingDirectory, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null, byte[]? standardInput = null)
    {
        var variables = new Dictionary<string, string>(_template.EnvironmentVariables ?? new Dictionary<string, string>())
        {
            ["LC_ALL"] = "C",
            ["GIT_TERMINAL_PROMPT"] = "0",
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            variables[key] = value;
        }

        LogCommandLine(() => Rendered(arguments));
        var result = GitPipe.Run(Executable, workingDirectory.FullPath, arguments, variables, standardInput, _template.ToolTimeout);
        return result.Error.Any(line => line.Contains("does not appear to be a git repository", StringComparison.Ordinal))
            ? result with { Error = OutsideRepository(workingDirectory, result.AsOutput()).Error }
            : result;
    }

    /// <summary>
    /// The value git would see for an environment variable: the call's, else the settings', else this process's.
    /// </summary>
    public string? Variable(string name, IReadOnlyDictionary<string, string>? environment = null) =>
        environment?.GetValueOrDefault(name)
        ?? (_template.EnvironmentVariables is { } variables && variables.TryGetValue(name, out var value) ? value : null)
        ?? System.Environment.GetEnvironmentVariable(name);

    private string Executable => _toolPath?.FullPath ?? "git";

    // Cake's runner says "Executing: <git> <arguments>" at diagnostic verbosity for every call it starts; the byte
    // runners start git themselves, so they say it here. The run's redactor sees the line first, so it learns a token
    // in a remote's URL and masks it wherever else it shows up; the URL's credentials are then masked again for a log
    // of Cake's own (a build.cake script), which has no redactor. The line is only put together when it will be
    // written: these calls sit in a GitOps write's race window.
    private void LogCommandLine(Func<string> arguments)
    {
        if (_log.Verbosity >= Verbosity.Diagnostic)
        {
            _log.Write(Verbosity.Diagnostic, LogLevel.Verbose, "Executing: {0}", SecretRedactor.MaskUserInfo(_log.Redact($"{Shown(Executable)} {arguments()}")));
        }
    }

    private static string Rendered(IReadOnlyList<string> arguments) => string.Join(' ', arguments.Select(Shown));

    // A word of the command line as the log shows it: quoted only where a shell would split or drop it.
    private static string Shown(string word) =>
        word.Length > 0 && !word.Any(c => char.IsWhiteSpace(c) || c == '"') ? word : new ProcessArgumentBuilder().AppendQuoted(word).Render();

    // Outside a repository, git takes a remote name for a path and says "'origin' does not appear to be a git
    // repository"; the cause is the folder, so that failure is reported with what git says about it.
    private GitOutput OutsideRepository(DirectoryPath workingDirectory, GitOutput failed)
    {
        var probe = Run(workingDirectory, new ProcessArgumentBuilder().Append("rev-parse").Append("--git-dir"));
        return probe.Succeeded ? failed : failed with { Error = probe.Error };
    }

    // The questions every git adapter asks, answered in one place.

    /// <summary>The full id of the commit <paramref name="revision"/> names, or null when it names none.</summary>
    public string? FindCommit(DirectoryPath root, string revision)
    {
        var output = Run(root, new ProcessArgumentBuilder().Append("rev-parse").Append("--verify").Append("--quiet").AppendQuoted($"{revision}^{{commit}}"));
        return output.Succeeded ? output.Output.FirstOrDefault() : null;
    }

    /// <summary>Whether the clone holds the commit (a shallow or old clone may not).</summary>
    public bool HasCommit(DirectoryPath root, string sha) =>
        RunBytes(root, ["cat-file", "-e", $"{sha}^{{commit}}"]).ExitCode == 0;

    /// <summary>The remote's URL as configured (credentials included, if a user put them there), or null without that remote.</summary>
    public string? RemoteUrl(DirectoryPath root, string remote)
    {
        var output = Run(root, new ProcessArgumentBuilder().Append("remote").Append("get-url").AppendQuoted(remote));
        return output.Succeeded ? output.Output.FirstOrDefault() : null;
    }

    /// <summary>The merge-base of two commits, or null when they share no history (as far as this clone knows it).</summary>
    public string? MergeBase(DirectoryPath root, string first, string second)
    {
        var output = Run(root, new ProcessArgumentBuilder().Append("merge-base").AppendQuoted(first).AppendQuoted(second));
        return output.Succeeded ? output.Output.FirstOrDefault(line => line.Length > 0) : null;
    }

    protected override string GetToolName() => "git";

    protected override IEnumerable<string> GetToolExecutableNames() => ["git", "git.exe"];
}
