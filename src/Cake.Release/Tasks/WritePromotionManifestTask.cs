using Cake.Core;
using Cake.Release.Hosting;

namespace Cake.Release.Tasks;

/// <summary>Writes the checked promotion's manifest entry and <c>updates:</c> on the target environment's branch.</summary>
[TaskName("WritePromotionManifest")]
[TaskDescription("Records the checked promotion in the target environment's manifest (and its updates: files), one commit on its branch")]
[IsDependentOn(typeof(PushReleaseRefsTask))]
[SupportsDryRun]
public sealed class WritePromotionManifestTask : FrostingTask
{
    /// <inheritdoc/>
    public override void Run(ICakeContext context) => CheckedPromotion.Of(context, "WritePromotionManifest").WriteManifest();
}
