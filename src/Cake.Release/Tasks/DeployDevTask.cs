using Cake.Core;
using Cake.Release.Building;
using Cake.Release.Hosting;
using Cake.Release.Promotion;
using Cake.Release.Session;

namespace Cake.Release.Tasks;

/// <summary>
/// What CI runs on every push to the main branch: CheckDeployDev → DetectChanged → BuildOnce → this, which records
/// each image BuildOnce built or found in the auto environment (its imageTag moved, its manifest entry written). A
/// pipeline's own task (a smoke test, a scan) goes between BuildOnce and this one with [IsDependentOn]/[IsDependeeOf].
/// </summary>
[TaskName("DeployDev")]
[TaskDescription("DetectChanged, BuildOnce, then records each changed (or --service) service's image in the auto environment (dev)")]
[IsDependentOn(typeof(CheckDeployDevTask))]
[IsDependentOn(typeof(BuildOnceTask))]
[SupportsDryRun]
public sealed class DeployDevTask : FrostingTask
{
    /// <inheritdoc/>
    public override void Run(ICakeContext context)
    {
        var session = ReleaseSession.Of(context);
        var deployment = session.Find<DevDeployment>()
            ?? throw new ReleaseException("DeployDev has nothing checked: it runs after CheckDeployDev in the same run; run --target=DeployDev without --exclusive.");
        var built = session.Find<BuildOnceResult>()
            ?? throw new ReleaseException("DeployDev has no images: it records what BuildOnce built in the same run; run --target=DeployDev without --exclusive.");
        var detected = session.Find<DetectChangedRun.DetectedChanges>();
        session.Keep(deployment.Deploy(built, detected?.Changes));
    }
}
