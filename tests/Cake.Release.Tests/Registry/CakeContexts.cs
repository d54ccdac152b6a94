using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Release.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Cake.Release.Tests.Registry;

/// <summary>A real Cake context (the host's own services) whose log lines the test can read.</summary>
public static class CakeContexts
{
    // The working directory is left alone: Cake's setter changes the whole test process's current directory.
    public static (ICakeContext Context, RecordingLog Log) Create(params string[] args)
    {
        var log = new RecordingLog();
        var services = new ServiceCollection()
            .AddCakeEngine(HostOptions.Parse(args), new Dictionary<string, string>(), Verbosity.Normal)
            .AddSingleton<ICakeLog>(log);
        var context = services.BuildServiceProvider().GetRequiredService<ICakeContext>();
        return (context, log);
    }
}

public sealed class RecordingLog : ICakeLog
{
    private readonly List<string> _lines = [];

    public Verbosity Verbosity { get; set; } = Verbosity.Diagnostic;

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return _lines.ToList();
            }
        }
    }

    public void Write(Verbosity verbosity, LogLevel level, string format, params object[] args)
    {
        lock (_lines)
        {
            _lines.Add(args.Length == 0 ? format : string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
        }
    }
}
