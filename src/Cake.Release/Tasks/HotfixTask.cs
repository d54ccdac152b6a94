using Cake.Core;
using Cake.Release.Hosting;
using Cake.Release.Promotion;

namespace Cake.Release.Tasks;

/// <summary>Cherry-picks --commit onto --service's release branch, builds it once and tags the next patch.</summary>
[TaskName("Hotfix")]
[TaskDescription("Cherry-picks --commit onto --service's release branch (--line, default the latest), builds it once and tags the next patch")]
[TaskArgument("service")]
[TaskArgument("commit")]
[TaskArgument("line")]
[TaskArgument("config")]
[SupportsDryRun]
public sealed class HotfixTask : FrostingTask
{
    /// <inheritdoc/>
    public override void Run(ICakeContext context) =>
        context.Hotfix(new HotfixSettings
        {
            Service = ReleaseArguments.Required(context, "service", "blue"),
            Commit = ReleaseArguments.Required(context, "commit", "3f2c1a0"),
            Line = ReleaseArguments.Value(context, "line"),
            ConfigFile = ReleaseArguments.Value(context, "config") ?? "release.yaml",
        });
}
