using Cake.Core;
using Cake.Core.IO;
using Cake.Release.Hosting;
using Cake.Release.Reporting;

namespace Cake.Release.Tasks;

/// <summary>Shows what runs where: the environment × service matrix with versions, digests, ages and drift marks.</summary>
[TaskName("Status")]
[TaskDescription("Shows the environment x service matrix (--format=table|markdown|json|html, --output, --service) with drift marks")]
[TaskArgument("format")]
[TaskArgument("output")]
[TaskArgument("service")]
[TaskArgument("config")]
[SupportsDryRun]
public sealed class StatusTask : FrostingTask
{
    /// <inheritdoc/>
    public override void Run(ICakeContext context)
    {
        var settings = new StatusSettings
        {
            Format = Format(ReleaseArguments.Value(context, "format")),
            ConfigFile = ReleaseArguments.Value(context, "config") ?? "release.yaml",
            Output = ReleaseArguments.Value(context, "output") is { } output ? new FilePath(output) : null,
        };
        foreach (var service in ReleaseArguments.Values(context, "service"))
        {
            settings.Services.Add(service);
        }

        context.Status(settings);
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
