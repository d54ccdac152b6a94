using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Release.Building;
using Cake.Release.Hosting;
using Cake.Release.Promotion;
using Cake.Release.Session;
using Cake.Release.Tasks;

namespace ReleasePipeline;

/// <summary>A smoke test of what BuildOnce built, before DeployDev records it in dev.</summary>
[TaskName("SmokeTestDev")]
[TaskDescription("The pipeline's smoke test of the images BuildOnce built, before dev records them")]
[IsDependentOn(typeof(BuildOnceTask))]
[IsDependeeOf(typeof(DeployDevTask))]
[SupportsDryRun]
public sealed class SmokeTestDev : FrostingTask
{
    public override void Run(ICakeContext context)
    {
        var built = context.ReleaseSession().Find<BuildOnceResult>();
        context.Log.Information("ran:SmokeTestDev {0}", built is null ? "nothing built" : string.Join(" ", built.Builds.Select(b => $"{b.Service}={b.Digest}")));
    }
}

/// <summary>A scan of the checked promotion's image, between the checks and the retag; SCAN_REFUSE=1 makes it fail.</summary>
[TaskName("ScanBeforeRetag")]
[TaskDescription("The pipeline's scan of the promoted image, after the checks and before any tag moves")]
[IsDependentOn(typeof(CheckPromotionTask))]
[IsDependeeOf(typeof(RetagPromotionTask))]
[SupportsDryRun]
public sealed class ScanBeforeRetag : FrostingTask
{
    public override void Run(ICakeContext context)
    {
        var run = context.ReleaseSession().Find<PromotionRun>();
        context.Log.Information("ran:ScanBeforeRetag {0} {1} {2} steps-done={3}", run?.Plan.Service, run?.Plan.Version, run?.Plan.Digest, run?.Effects.Count);
        if (context.Environment.GetEnvironmentVariable("SCAN_REFUSE") == "1")
        {
            throw new CakeException($"The scan refused {run?.Plan.Service} {run?.Plan.Version}.");
        }
    }
}
