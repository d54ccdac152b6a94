using Cake.Core;
using Cake.Release.Changelog;
using Cake.Release.Charts;
using Cake.Release.Hosting;

namespace Cake.Release.Tasks;

/// <summary>Adds the next release's Keep a Changelog section, from Conventional Commits, in the working tree.</summary>
[TaskName("WriteChangelog")]
[TaskDescription("Adds the release's section to the changelog of --service or --chart (Keep a Changelog 1.1.0)")]
[TaskArgument("service")]
[TaskArgument("chart")]
[TaskArgument("bump")]
[TaskArgument("prerelease")]
[TaskArgument("version")]
[TaskArgument("date")]
[TaskArgument("config")]
[SupportsDryRun]
public sealed class WriteChangelogTask : FrostingTask
{
    /// <inheritdoc/>
    public override void Run(ICakeContext context)
    {
        var settings = ReleaseRequestArguments.Read(context, new WriteChangelogSettings());
        settings.Date = ReleaseRequestArguments.Date(context);
        context.WriteChangelog(settings);
    }
}
