using Cake.Core;
using Cake.Core.Configuration;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Cake.Release.Tests.CiExamples;

/// <summary>
/// A Cake context that answers every argument a task asks for and writes down its name: running a target against
/// it lists the arguments that target reads. Each answer is a value the task can parse (so it reads on to the next
/// one); <c>--config</c> names a file that does not exist, so every task stops at loading it and changes nothing.
/// A test double by necessity: no real context can say which arguments were read.
/// </summary>
public sealed class ArgumentRecorder : ICakeContext
{
    private static readonly Dictionary<string, string> Answers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["bump"] = "patch",
        ["date"] = "2025-01-20",
        ["version"] = "1.2.3",
        ["format"] = "table",
        ["verbosity"] = "normal",
    };

    private readonly ICakeContext _inner;
    private readonly Recording _arguments;

    public ArgumentRecorder(ICakeContext inner, IReadOnlyList<string> targets, string missingConfig)
    {
        _inner = inner;
        _arguments = new Recording(targets, missingConfig);
    }

    /// <summary>Every argument name asked for so far.</summary>
    public IReadOnlySet<string> Read => _arguments.Names;

    public ICakeArguments Arguments => _arguments;

    public IFileSystem FileSystem => _inner.FileSystem;

    public ICakeEnvironment Environment => _inner.Environment;

    public IGlobber Globber => _inner.Globber;

    public ICakeLog Log => _inner.Log;

    public IProcessRunner ProcessRunner => _inner.ProcessRunner;

    public IRegistry Registry => _inner.Registry;

    public IToolLocator Tools => _inner.Tools;

    public ICakeDataResolver Data => _inner.Data;

    public ICakeConfiguration Configuration => _inner.Configuration;

    public IServiceProvider ServiceProvider => _inner.ServiceProvider;

    public IToolInstaller ToolInstaller => _inner.ToolInstaller;

    private sealed class Recording(IReadOnlyList<string> targets, string missingConfig) : ICakeArguments
    {
        public HashSet<string> Names { get; } = new(StringComparer.OrdinalIgnoreCase);

        public bool HasArgument(string name)
        {
            Names.Add(name);
            return true;
        }

        public ICollection<string> GetArguments(string name)
        {
            Names.Add(name);
            return name.Equals("target", StringComparison.OrdinalIgnoreCase) ? targets.ToList()
                : name.Equals("config", StringComparison.OrdinalIgnoreCase) ? [missingConfig]
                : [Answers.GetValueOrDefault(name, "x")];
        }

        public IDictionary<string, ICollection<string>> GetArguments() =>
            Names.ToDictionary(n => n, GetArguments, StringComparer.OrdinalIgnoreCase);
    }
}
