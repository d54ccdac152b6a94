using Cake.Release.Hosting;
using Cake.Release.Tasks;

// Every target this package offers, for the host to import without scanning the assembly. A task class missing
// here is found by a test (TaskCatalogTests), which compares this list with a scan.
[assembly: TaskClasses(
    typeof(BackportHotfixTask),
    typeof(BuildOnceTask),
    typeof(BumpChartTask),
    typeof(CheckChartVersionsTask),
    typeof(CheckDeployDevTask),
    typeof(CheckPromotionTask),
    typeof(DeployDevTask),
    typeof(DetectChangedTask),
    typeof(DoctorTask),
    typeof(HotfixTask),
    typeof(InitTask),
    typeof(MetricsTask),
    typeof(NotifyPromotionTask),
    typeof(PromoteEnvTask),
    typeof(PromoteTargets),
    typeof(PublishPromotionTask),
    typeof(PublishReleaseTask),
    typeof(PushReleaseRefsTask),
    typeof(ReleaseChartTask),
    typeof(RetagPromotionTask),
    typeof(RetagTask),
    typeof(RollbackTask),
    typeof(StatusTask),
    typeof(TagMilestoneTask),
    typeof(UpdateManifestTask),
    typeof(WriteChangelogTask),
    typeof(WritePromotionManifestTask))]
