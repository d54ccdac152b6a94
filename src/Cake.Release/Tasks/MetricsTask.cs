using System.Globalization;
using Cake.Core;
using Cake.Core.IO;
using Cake.Release.Config;
using Cake.Release.Hosting;
using Cake.Release.Metrics;

namespace Cake.Release.Tasks;

/// <summary>Shows the delivery metrics (the four DORA keys) per service and environment over a window.</summary>
[TaskName("Metrics")]
[TaskDescription("Shows DORA delivery metrics per service and environment (--window=30d or --since/--until, --env, --service, --format=table|markdown|json|html, --output)")]
[TaskArgument("window")]
[TaskArgument("since")]
[TaskArgument("until")]
[TaskArgument("env")]
[TaskArgument("format")]
[TaskArgument("output")]
[TaskArgument("service")]
[TaskArgument("config")]
[SupportsDryRun]
public sealed class MetricsTask : FrostingTask
{
    /// <inheritdoc/>
    public override void Run(ICakeContext context)
    {
        // Every argument is read before any is parsed, so the first bad one does not hide the others from the host.
        var (format, config, output, environment) = (ReleaseArguments.Value(context, "format"), ReleaseArguments.Value(context, "config"), ReleaseArguments.Value(context, "output"), ReleaseArguments.Value(context, "env"));
        var (window, since, until) = (ReleaseArguments.Value(context, "window"), ReleaseArguments.Value(context, "since"), ReleaseArguments.Value(context, "until"));
        var services = ReleaseArguments.Values(context, "service");
        var settings = new MetricsSettings
        {
            Format = Format(format),
            ConfigFile = config ?? "release.yaml",
            Output = output is null ? null : new FilePath(output),
            Environment = environment,
            Window = window is null ? null : Window(window),
            Since = since is null ? null : Date("since", since),
            Until = until is null ? null : Date("until", until),
        };
        foreach (var service in services)
        {
            settings.Services.Add(service);
        }

        context.Metrics(settings);
    }

    private static TimeSpan Window(string text) =>
        Durations.Parse(text) is { } window && window > TimeSpan.Zero
            ? window
            : throw new ReleaseException($"--window={text} is not a duration: pass days, hours or minutes, e.g. --window=30d, 12h or 1d12h.");

    // A date alone is midnight UTC; a time without an offset is UTC too, so a run reads the same on every machine.
    private static DateTimeOffset Date(string name, string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            && (text.Length >= 10 && char.IsAsciiDigit(text[0]))
            ? time
            : throw new ReleaseException($"--{name}={text} is not an ISO 8601 date: pass e.g. --{name}=2026-11-01 or --{name}=2026-11-01T12:00:00Z.");

    // Matched by name only: Enum.TryParse would also take "2" or "Table, Json".
    private static MetricsFormat Format(string? value)
    {
        if (value is null)
        {
            return MetricsFormat.Table;
        }

        foreach (var format in Enum.GetValues<MetricsFormat>())
        {
            if (string.Equals(format.ToString(), value, StringComparison.OrdinalIgnoreCase))
            {
                return format;
            }
        }

        throw new ReleaseException($"--format={value} is unknown: use --format=table, markdown, json or html.");
    }
}
