using Cake.Core;
using Cake.Release.Hosting;
using Cake.Release.Promotion;
using Cake.Release.Session;

namespace Cake.Release.Tasks;

/// <summary>
/// DeployDev's checks, before DetectChanged and BuildOnce: release.yaml has an auto environment, the promoter is one
/// line, the remote answers. A mistake here stops the run before an image is built or pushed.
/// </summary>
[TaskName("CheckDeployDev")]
[TaskDescription("Checks that DeployDev can record what it builds: an auto environment, a valid --by, a reachable remote; changes nothing")]
[TaskArgument("by")]
[TaskArgument("config")]
[SupportsDryRun]
public sealed class CheckDeployDevTask : FrostingTask
{
    /// <inheritdoc/>
    public override void Run(ICakeContext context)
    {
        var session = ReleaseSession.Of(context);
        session.Keep(DevDeployment.Check(session, new DeployDevSettings
        {
            By = ReleaseArguments.Value(context, "by"),
            ConfigFile = ReleaseArguments.Value(context, "config") ?? "release.yaml",
        }));
    }
}
