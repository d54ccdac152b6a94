using Cake.Core;
using Cake.Core.IO;
using Cake.Release.Config;
using Cake.Release.Hosting;
using Cake.Release.Registry;

namespace Cake.Release.Tasks;

/// <summary>
/// Adds tags to a service's existing image, found by tag or digest, in the registry release.yaml names. The
/// environments' <c>imageTag</c>s may move; every other tag is a version and never does.
/// </summary>
[TaskName("Retag")]
[TaskDescription("Adds --tag (repeatable) to --service's image found by --from-tag or --digest, moving no layers")]
[SupportsDryRun]
public sealed class RetagTask : FrostingTask
{
    /// <inheritdoc/>
    public override void Run(ICakeContext context)
    {
        var configFile = ReleaseArguments.Value(context, "config") ?? "release.yaml";
        var config = ReleaseConfigLoader.Load(new FilePath(configFile).MakeAbsolute(context.Environment).FullPath);
        var service = config.Service(ReleaseArguments.Required(context, "service", "blue"));
        var fromTag = ReleaseArguments.Value(context, "from-tag");
        var digest = ReleaseArguments.Value(context, "digest");
        if ((fromTag is null) == (digest is null))
        {
            throw new ReleaseException("Retag needs exactly one of --from-tag and --digest: pass --from-tag=sha-3f2c1ab or --digest=sha256:<64 hex digits>.");
        }

        var repository = ImageReference.InRegistry(config.Registry, service.Image);
        var settings = new RetagSettings
        {
            // Parsed again with the tag or digest, so a malformed one is refused with the part that is wrong.
            Image = ImageReference.Parse(fromTag is null ? $"{repository}@{digest}" : $"{repository}:{fromTag}").ToString(),
            BaseDirectory = config.RepositoryRoot,
            DryRun = context.IsDryRun(),
        };
        foreach (var tag in ReleaseArguments.Values(context, "tag"))
        {
            settings.Tags.Add(tag);
        }

        foreach (var environment in config.Environments.Where(e => e.ImageTag is not null))
        {
            settings.MovableTags.Add(environment.ImageTag!);
        }

        context.Retag(settings);
    }
}
