using Cake.Core;
using Cake.Release.Hosting;
using Cake.Release.Init;

namespace Cake.Release.Tasks;

/// <summary>Writes a commented starter release.yaml from the repository's Dockerfiles, charts and Kustomize overlays (and, in rendered mode, the Argo CD and Flux files).</summary>
[TaskName("Init")]
[TaskDescription("Scans for Dockerfiles, Chart.yaml files and Kustomize overlays and writes a commented starter release.yaml (--config), with overlays also Argo CD and Flux files under deploy/; never overwrites a file")]
[TaskArgument("config")]
[SupportsDryRun]
public sealed class InitTask : FrostingTask
{
    /// <inheritdoc/>
    public override void Run(ICakeContext context) =>
        context.Init(new InitSettings
        {
            ConfigFile = ReleaseArguments.Value(context, "config") ?? "release.yaml",
        });
}
