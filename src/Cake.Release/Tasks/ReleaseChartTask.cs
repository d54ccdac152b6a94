using Cake.Core;
using Cake.Release.Charts;
using Cake.Release.Hosting;

namespace Cake.Release.Tasks;

/// <summary>
/// Bump, changelog, one commit on the remote's main branch and the release tag. It runs no other target first: the
/// bump and the changelog are planned together against the remote's main branch and land in one commit, where
/// BumpChart and WriteChangelog edit the working tree for a pull request.
/// </summary>
[TaskName("ReleaseChart")]
[TaskDescription("Releases --service's (or --chart's) chart: bump + changelog in one commit on main, and the release tag, pushed")]
[TaskArgument("service")]
[TaskArgument("chart")]
[TaskArgument("bump")]
[TaskArgument("prerelease")]
[TaskArgument("version")]
[TaskArgument("date")]
[TaskArgument("config")]
[SupportsDryRun]
public sealed class ReleaseChartTask : FrostingTask
{
    /// <inheritdoc/>
    public override void Run(ICakeContext context)
    {
        var settings = ReleaseRequestArguments.Read(context, new ReleaseChartSettings());
        settings.Date = ReleaseRequestArguments.Date(context);
        context.ReleaseChart(settings);
    }
}
