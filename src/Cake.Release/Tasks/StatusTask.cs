using Cake.Core;
using Cake.Core.IO;
using Cake.Release.Hosting;
using Cake.Release.Reporting;

namespace Cake.Release.Tasks;

/// <summary>Shows what runs where: the environment × service matrix with versions, digests, ages and drift marks.</summary>
[TaskName("Status")]
[TaskDescription("Shows the environment x service matrix (--format=table|markdown|json|html, --output, --service; --source=git|dynamodb with --table, --region, --version, --kind, --env, --repository; --serve[=127.0.0.1:8080] with --interval) with drift marks")]
[TaskArgument("format")]
[TaskArgument("output")]
[TaskArgument("service")]
[TaskArgument("config")]
[TaskArgument("source")]
[TaskArgument("table")]
[TaskArgument("region")]
[TaskArgument("version")]
[TaskArgument("kind")]
[TaskArgument("env")]
[TaskArgument("repository")]
[TaskArgument("serve")]
[TaskArgument("interval")]
[SupportsDryRun]
public sealed class StatusTask : FrostingTask
{
    /// <inheritdoc/>
    public override void Run(ICakeContext context)
    {
        // Every argument is read before any is judged, so a mistake in one is reported with all of them read.
        var (format, source, serve, interval) = (ReleaseArguments.Value(context, "format"), ReleaseArguments.Value(context, "source"), ReleaseArguments.Value(context, "serve"), ReleaseArguments.Value(context, "interval"));
        var settings = new StatusSettings
        {
            ConfigFile = ReleaseArguments.Value(context, "config") ?? "release.yaml",
            Output = ReleaseArguments.Value(context, "output") is { } output ? new FilePath(output) : null,
            Table = ReleaseArguments.Value(context, "table"),
            Region = ReleaseArguments.Value(context, "region"),
        };
        Add(settings.Services, ReleaseArguments.Values(context, "service"));
        // The filters come from the command line only: CI sets RELEASE_VERSION and RELEASE_ENV for other targets, and
        // a status report that silently narrowed (or refused) because of them would mislead.
        Add(settings.Versions, CommandLine(context, "version"));
        Add(settings.Kinds, CommandLine(context, "kind"));
        Add(settings.Environments, CommandLine(context, "env"));
        Add(settings.Repositories, CommandLine(context, "repository"));
        settings.Format = Format(format);
        settings.Source = Source(source);

        // --serve alone is an argument with an empty value: serve on the default loopback address.
        if (context.Arguments.HasArgument("serve") || serve is not null)
        {
            context.StatusServe(settings, new StatusServeSettings
            {
                Address = serve is { Length: > 0 } address && address != "true" ? address : null,
                Interval = Interval(interval),
            });
            return;
        }

        context.Status(settings);
    }

    private static IEnumerable<string> CommandLine(ICakeContext context, string name) =>
        context.Arguments.HasArgument(name)
            ? context.Arguments.GetArguments(name).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            : [];

    private static void Add(IList<string> list, IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            list.Add(value);
        }
    }

    private static StatusSource Source(string? value) => value?.ToLowerInvariant() switch
    {
        null or "git" => StatusSource.Git,
        "dynamodb" => StatusSource.DynamoDb,
        _ => throw new ReleaseException($"--source={value} is unknown: use --source=git (this repository's GitOps branches, the default) or --source=dynamodb (the central release record)."),
    };

    private static TimeSpan Interval(string? value)
    {
        if (value is null)
        {
            return StatusServeSettings.DefaultInterval;
        }

        var seconds = value.EndsWith('s') ? value[..^1] : value;
        return double.TryParse(seconds, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s) && s >= StatusServeSettings.MinimumInterval.TotalSeconds && s <= 3600
            ? TimeSpan.FromSeconds(s)
            : throw new ReleaseException($"--interval={value} is not a number of seconds from {StatusServeSettings.MinimumInterval.TotalSeconds:0} to 3600; write e.g. --interval=5 (the default).");
    }

    // Matched by name only: Enum.TryParse would also take "2" or "Table, Json".
    private static StatusFormat Format(string? value)
    {
        if (value is null)
        {
            return StatusFormat.Table;
        }

        foreach (var format in Enum.GetValues<StatusFormat>())
        {
            if (string.Equals(format.ToString(), value, StringComparison.OrdinalIgnoreCase))
            {
                return format;
            }
        }

        throw new ReleaseException($"--format={value} is unknown: use --format=table, markdown, json or html.");
    }
}
