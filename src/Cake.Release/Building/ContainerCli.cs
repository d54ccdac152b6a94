using Cake.Core;
using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Cake.Release.Building;

/// <summary>What one builder CLI call printed and returned.</summary>
internal sealed record CliOutput(int ExitCode, IReadOnlyList<string> Output, IReadOnlyList<string> Error)
{
    /// <summary>How many lines of a failed build's output are shown: enough for the failing step and its error.</summary>
    public const int TailLength = 20;

    public bool Succeeded => ExitCode == 0;

    /// <summary>The last lines, standard output first, then standard error (where the CLIs put their errors).</summary>
    public IReadOnlyList<string> Tail => Output.Concat(Error).Where(l => l.Trim().Length > 0).TakeLast(TailLength).ToList();
}

/// <summary>
/// A builder's command line (<c>docker</c>, <c>buildah</c>, <c>podman</c>) as a Cake tool. Exit codes are returned,
/// not thrown, so a failed build becomes that service's failure with the tool's own last lines.
/// </summary>
internal sealed class ContainerCli<TSettings> : Tool<TSettings>
    where TSettings : ToolSettings, new()
{
    private readonly string _name;
    private readonly TSettings _template;
    private readonly FilePath _toolPath;

    public ContainerCli(ICakeContext context, string name, TSettings template)
        : base(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools)
    {
        _name = name;
        _template = template;
        _toolPath = template.ToolPath ?? context.Tools.Resolve(name)
            ?? throw new ReleaseException($"build.builder is {name}, but {name} is not on PATH; install it (e.g. apt-get install {name}), set its ToolPath in BuildOnceSettings, or choose another builder in release.yaml.");
    }

    public CliOutput Run(ProcessArgumentBuilder arguments, DirectoryPath workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var settings = new TSettings
        {
            ToolPath = _toolPath,
            ToolTimeout = _template.ToolTimeout,
            WorkingDirectory = workingDirectory,
            HandleExitCode = _ => true,
            EnvironmentVariables = new Dictionary<string, string>(_template.EnvironmentVariables ?? new Dictionary<string, string>()),
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            settings.EnvironmentVariables[key] = value;
        }

        CliOutput? result = null;
        Run(settings, arguments, new ProcessSettings { RedirectStandardOutput = true, RedirectStandardError = true },
            p => result = new CliOutput(p.GetExitCode(), p.GetStandardOutput().ToList(), p.GetStandardError().ToList()));
        return result ?? throw new InvalidOperationException($"{_name} ran but reported nothing");
    }

    protected override string GetToolName() => _name;

    protected override IEnumerable<string> GetToolExecutableNames() => [_name, _name + ".exe"];
}
