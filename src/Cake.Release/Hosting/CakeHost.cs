using System.Reflection;
using Cake.Cli;
using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Cake.Release.Hosting;

/// <summary>
/// Runs a pipeline's task classes on the Cake engine, with Frosting's public shape:
/// <c>return new CakeHost().UseContext&lt;BuildContext&gt;().Run(args);</c>
/// </summary>
public sealed class CakeHost
{
    private readonly List<Action<IServiceCollection>> _configureServices = [];
    private readonly List<Assembly> _assemblies = [];
    private readonly List<Type> _replacements = [];
    private readonly List<string> _removals = [];
    private readonly List<Type> _lifetimes = [];
    private readonly Dictionary<string, string> _settings = new(StringComparer.OrdinalIgnoreCase);
    private Type _contextType = typeof(FrostingContext);
    private Type? _taskLifetime;
    private string? _workingDirectory;

    /// <summary>A host over the tasks of the entry assembly.</summary>
    public CakeHost()
    {
        if (Assembly.GetEntryAssembly() is { } entry)
        {
            _assemblies.Add(entry);
        }
    }

    /// <summary>The context every task receives: a class deriving from <see cref="FrostingContext"/> (or any
    /// <see cref="ICakeContext"/>) built by dependency injection, so its constructor can ask for services.</summary>
    public CakeHost UseContext<TContext>() where TContext : class, ICakeContext
    {
        _contextType = typeof(TContext);
        return this;
    }

    /// <summary>Imports the task classes of another assembly, such as Cake.Release's own.</summary>
    public CakeHost AddAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        _assemblies.Add(assembly);
        return this;
    }

    /// <summary>Registers services that tasks, lifetimes and the context receive in their constructors.</summary>
    public CakeHost ConfigureServices(Action<IServiceCollection> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _configureServices.Add(configure);
        return this;
    }

    /// <summary>The directory the run works in, relative to the current one; <c>--working</c> overrides it.</summary>
    public CakeHost UseWorkingDirectory(string path)
    {
        _workingDirectory = path;
        return this;
    }

    /// <summary>Code to run before the first task and after the last; may be called more than once.</summary>
    public CakeHost UseLifetime<TLifetime>() where TLifetime : class
    {
        RequireBase(typeof(TLifetime), typeof(IRunLifetime), "FrostingLifetime<TContext>");
        _lifetimes.Add(typeof(TLifetime));
        return this;
    }

    /// <summary>Code to run before and after every task.</summary>
    public CakeHost UseTaskLifetime<TLifetime>() where TLifetime : class
    {
        RequireBase(typeof(TLifetime), typeof(ITaskLifetime), "FrostingTaskLifetime<TContext>");
        _taskLifetime = typeof(TLifetime);
        return this;
    }

    /// <summary>A Cake configuration value (as in cake.config), e.g. <c>UseSetting("Paths_Tools", "tools")</c>.</summary>
    public CakeHost UseSetting(string key, string value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Runs <typeparamref name="TTask"/> in place of the imported task that has the same name.</summary>
    public CakeHost ReplaceTask<TTask>() where TTask : class, IFrostingTask
    {
        _replacements.Add(typeof(TTask));
        return this;
    }

    /// <summary>Drops an imported task; tasks that depended on it run without it.</summary>
    public CakeHost RemoveTask(string name)
    {
        _removals.Add(name);
        return this;
    }

    /// <summary>Runs the targets the arguments name and returns the process exit code.</summary>
    public int Run(IEnumerable<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        HostOptions options;
        try
        {
            options = HostOptions.Parse(args);
        }
        catch (CakeException e)
        {
            return RunFailure.Report(e, log: null);
        }

        if (options.Help)
        {
            Console.Out.Write(HostHelp.Text);
            return 0;
        }

        if (options.Version)
        {
            Console.Out.WriteLine(HostHelp.Version);
            return 0;
        }

        if (options.Info)
        {
            Console.Out.Write(HostHelp.Info());
            return 0;
        }

        ICakeLog? log = null;
        try
        {
            var services = new ServiceCollection().AddCakeEngine(options, _settings, options.Verbosity ?? Verbosity.Normal);
            services.AddSingleton(_contextType);
            foreach (var configure in _configureServices)
            {
                configure(services);
            }

            using var provider = services.BuildServiceProvider();
            log = provider.GetRequiredService<ICakeLog>();
            SetWorkingDirectory(provider.GetRequiredService<ICakeEnvironment>(), options.WorkingDirectory ?? _workingDirectory);

            var engine = provider.GetRequiredService<ICakeEngine>();
            var context = (ICakeContext)provider.GetRequiredService(_contextType);
            var definitions = TaskCatalog.Build(_assemblies, _replacements, _removals, message => log.Verbose(message));
            if (options.Description || options.Tree || options.Targets.Any(target => !definitions.Any(d => d.Name.Equals(target, StringComparison.OrdinalIgnoreCase))))
            {
                // Contributed targets come from configuration (Promote<Env> from release.yaml), whose first read is the
                // largest cost of a start: it is paid here only when a target is not a class, or the list is shown.
                definitions = TaskCatalog.WithContributed(definitions, _assemblies, context, message => log.Verbose(message));
            }

            CheckTargets(options, definitions);
            if (!options.Description && !options.Tree)
            {
                UnknownArguments.Refuse(options, definitions, ReadInEveryRun());
            }

            var registration = new TaskRegistration(engine, context, provider);
            registration.Tasks(definitions, options.DryRun);
            if (!options.DryRun)
            {
                // Lifetimes are ordinary code that nothing marks as safe to run in a dry run.
                registration.Lifetimes(_lifetimes, _taskLifetime);
            }

            var host = CreateScriptHost(options, engine, context, provider, definitions);
            if (options.Exclusive)
            {
                host.Settings.UseExclusiveTarget();
            }

            var targets = options.Description || options.Tree ? [options.Targets[0]] : options.Targets;
            host.RunTargetsAsync(targets).GetAwaiter().GetResult();
            return 0;
        }
        catch (Exception e)
        {
            return RunFailure.Report(e, log);
        }
    }

    private Core.Scripting.IScriptHost CreateScriptHost(HostOptions options, ICakeEngine engine, ICakeContext context, IServiceProvider provider, IReadOnlyList<TaskDefinition> definitions)
    {
        var log = provider.GetRequiredService<ICakeLog>();
        var configuration = provider.GetRequiredService<Core.Configuration.ICakeConfiguration>();
        if (options.Description)
        {
            return new DescriptionScriptHost(engine, context, provider.GetRequiredService<IAnsiConsole>());
        }

        if (options.Tree)
        {
            return new TreeScriptHost(engine, context, provider.GetRequiredService<IConsole>());
        }

        var printer = new CakeSpectreReportPrinter(provider.GetRequiredService<IAnsiConsole>());
        IExecutionStrategy strategy = new DefaultExecutionStrategy(log, printer);
        if (options.DryRun)
        {
            var dryRun = new DryRunStrategy(log, printer, definitions.Where(d => d.SupportsDryRun).Select(d => d.Name).ToHashSet(StringComparer.OrdinalIgnoreCase));
            engine.RegisterSetupAction(dryRun.PrintPlan);
            strategy = dryRun;
        }

        return new BuildScriptHost(engine, strategy, context, printer, configuration, log);
    }

    private static void CheckTargets(HostOptions options, IReadOnlyList<TaskDefinition> definitions)
    {
        if (options.Description)
        {
            return;
        }

        var names = definitions.Select(d => d.Name).ToList();
        foreach (var target in options.Targets)
        {
            if (names.Contains(target, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!options.TargetGiven)
            {
                throw new CakeException($"No --target given and no task named 'Default'. Pass --target=<task>; the tasks are: {string.Join(", ", names)}.");
            }

            throw new CakeException($"Target '{target}' was not found.{TaskCatalog.Suggest(target, names)} Run with --description to list the tasks.");
        }
    }

    // The classes every run creates, whatever its targets: what they declare is always read.
    private IEnumerable<string> ReadInEveryRun() =>
        new[] { _contextType, _taskLifetime }.OfType<Type>().Concat(_lifetimes).Concat(TaskCatalog.SourcesOf(_assemblies)).SelectMany(TaskCatalog.ArgumentsOf);

    private static void RequireBase(Type type, Type contract, string baseName)
    {
        if (!contract.IsAssignableFrom(type) || type.IsAbstract)
        {
            throw new ArgumentException($"{type.FullName} must be a concrete class deriving from {baseName}.", nameof(type));
        }
    }

    private static void SetWorkingDirectory(ICakeEnvironment environment, string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        var full = System.IO.Path.GetFullPath(path);
        if (!Directory.Exists(full))
        {
            throw new CakeException($"Working directory '{path}' does not exist (--working or UseWorkingDirectory). Pass an existing directory.");
        }

        environment.WorkingDirectory = new DirectoryPath(full);
    }
}
