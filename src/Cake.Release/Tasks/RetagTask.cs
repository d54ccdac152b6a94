using Cake.Core;
using Cake.Release.Hosting;
using Cake.Release.Registry;

namespace Cake.Release.Tasks;

/// <summary>
/// Adds tags to a service's existing image, found by tag or digest, in the registry release.yaml names. The
/// environments' <c>imageTag</c>s may move; every other tag is a version and never does.
/// </summary>
[TaskName("Retag")]
[TaskDescription("Adds --tag (repeatable) to --service's image found by --from-tag or --digest, moving no layers")]
[TaskArgument("service")]
[TaskArgument("from-tag")]
[TaskArgument("digest")]
[TaskArgument("tag")]
[TaskArgument("config")]
[SupportsDryRun]
public sealed class RetagTask : FrostingTask
{
    /// <inheritdoc/>
    public override void Run(ICakeContext context)
    {
        var settings = new RetagServiceSettings
        {
            Service = ReleaseArguments.Required(context, "service", "blue"),
            FromTag = ReleaseArguments.Value(context, "from-tag"),
            Digest = ReleaseArguments.Value(context, "digest"),
            ConfigFile = ReleaseArguments.Value(context, "config") ?? "release.yaml",
        };
        foreach (var tag in ReleaseArguments.Values(context, "tag"))
        {
            settings.Tags.Add(tag);
        }

        context.RetagService(settings);
    }
}
