using Cake.Core;
using Cake.Release.Hosting;
using Cake.Release.Promotion;

namespace Cake.Release.Tasks;

/// <summary>Promotes --service into --to from that environment's from:, after every check passes.</summary>
[TaskName("PromoteEnv")]
[TaskDescription("Promotes --service into --to (from its from:): checks, image tags, release branch and tag, manifest, milestone tag, notifications")]
[TaskArgument("to")]
[TaskArgument("service")]
[TaskArgument("from")]
[TaskArgument("version")]
[TaskArgument("bump")]
[TaskArgument("approver")]
[TaskArgument("by")]
[TaskArgument("config")]
[SupportsDryRun]
public sealed class PromoteEnvTask : FrostingTask
{
    /// <inheritdoc/>
    public override void Run(ICakeContext context) => Promote(context, ReleaseArguments.Required(context, "to", "staging"));

    internal static PromoteEnvResult Promote(ICakeContext context, string to)
    {
        var settings = new PromoteEnvSettings
        {
            Service = ReleaseArguments.Required(context, "service", "blue"),
            To = to,
            From = ReleaseArguments.Value(context, "from"),
            Version = ReleaseArguments.Value(context, "version"),
            Bump = ReleaseArguments.Value(context, "bump"),
            By = ReleaseArguments.Value(context, "by"),
            ConfigFile = ReleaseArguments.Value(context, "config") ?? "release.yaml",
        };
        foreach (var approver in ReleaseArguments.Values(context, "approver"))
        {
            settings.Approvers.Add(approver);
        }

        return context.PromoteEnv(settings);
    }
}
