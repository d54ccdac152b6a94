using Cake.Core;
using Cake.Release.GitOps;
using Cake.Release.Hosting;

namespace Cake.Release.Tasks;

/// <summary>Writes one service's version and digest (and the environment's <c>updates:</c> files) to an environment's branch.</summary>
[TaskName("UpdateManifest")]
[TaskDescription("Records --service's --version (and --digest) in --env's manifest on its GitOps branch")]
[TaskArgument("env")]
[TaskArgument("service")]
[TaskArgument("version")]
[TaskArgument("digest")]
[TaskArgument("commit")]
[TaskArgument("from")]
[TaskArgument("by")]
[TaskArgument("approver")]
[TaskArgument("config")]
[SupportsDryRun]
public sealed class UpdateManifestTask : FrostingTask
{
    /// <inheritdoc/>
    public override void Run(ICakeContext context)
    {
        var settings = new UpdateManifestSettings
        {
            Environment = ReleaseArguments.Required(context, "env", "staging"),
            Service = ReleaseArguments.Required(context, "service", "blue"),
            Version = ReleaseArguments.Required(context, "version", "1.6.1"),
            Digest = ReleaseArguments.Value(context, "digest"),
            Commit = ReleaseArguments.Value(context, "commit"),
            From = ReleaseArguments.Value(context, "from"),
            By = ReleaseArguments.Value(context, "by"),
            ConfigFile = ReleaseArguments.Value(context, "config") ?? "release.yaml",
        };
        foreach (var approver in ReleaseArguments.Values(context, "approver"))
        {
            settings.Approvers.Add(approver);
        }

        context.UpdateManifest(settings);
    }
}
