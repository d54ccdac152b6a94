using Cake.Core;
using Cake.Release.Building;
using Cake.Release.Hosting;

namespace Cake.Release.Tasks;

/// <summary>
/// Builds and pushes each changed (or <c>--service</c>) service's image once per commit, tagged <c>tags.build</c>;
/// an image already in the registry under that tag is not rebuilt.
/// </summary>
[TaskName("BuildOnce")]
[TaskDescription("Builds and pushes each changed (or --service) image once, tagged tags.build; skips tags the registry already has")]
[TaskArgument("service")]
[TaskArgument("commit")]
[TaskArgument("config")]
[IsDependentOn(typeof(DetectChangedTask))]
[SupportsDryRun]
public sealed class BuildOnceTask : FrostingTask
{
    /// <inheritdoc/>
    public override void Run(ICakeContext context)
    {
        var settings = new BuildOnceSettings
        {
            Commit = ReleaseArguments.Value(context, "commit"),
            ConfigFile = ReleaseArguments.Value(context, "config") ?? "release.yaml",
        };
        foreach (var service in ReleaseArguments.Values(context, "service"))
        {
            settings.Services.Add(service);
        }

        context.BuildOnce(settings);
    }
}
