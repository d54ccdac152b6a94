using Cake.Core;
using Cake.Release.Fragments;
using Cake.Release.Hosting;

namespace Cake.Release.Tasks;

/// <summary>Publishes (backfills) the whole git history to the release record; <c>--verify</c> repairs the table from git.</summary>
[TaskName("PublishRelease")]
[TaskDescription("Publishes every deployment and release tag of the git history to the release record (publish:); --verify repairs the table from git")]
[TaskArgument("verify")]
[TaskArgument("env")]
[TaskArgument("service")]
[TaskArgument("config")]
[SupportsDryRun]
public sealed class PublishReleaseTask : FrostingTask
{
    /// <inheritdoc/>
    public override void Run(ICakeContext context)
    {
        var settings = new PublishReleaseSettings
        {
            Verify = ReleaseArguments.Value(context, "verify") is { } verify && !verify.Equals("false", StringComparison.OrdinalIgnoreCase),
            ConfigFile = ReleaseArguments.Value(context, "config") ?? "release.yaml",
        };
        foreach (var environment in ReleaseArguments.Values(context, "env"))
        {
            settings.Environments.Add(environment);
        }

        foreach (var service in ReleaseArguments.Values(context, "service"))
        {
            settings.Services.Add(service);
        }

        context.PublishRelease(settings);
    }
}
