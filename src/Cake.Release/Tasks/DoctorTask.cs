using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Release.Doctor;
using Cake.Release.Hosting;

namespace Cake.Release.Tasks;

/// <summary>Reports the tools the release targets call; fails only when a required one is missing.</summary>
[TaskName("Doctor")]
[TaskDescription("Checks that git and the optional tools (builders, skopeo, kubectl, helm) are installed")]
[SupportsDryRun]
public sealed class DoctorTask : FrostingTask
{
    /// <inheritdoc/>
    public override void Run(ICakeContext context)
    {
        var checks = context.ReleaseDoctor();
        foreach (var check in checks)
        {
            var state = check.Found ? $"{check.Version ?? "(version unknown)"}  {check.Path}" : check.Tool.Required ? "MISSING" : "not installed";
            context.Log.Information($"{check.Tool.Command,-8} {state}");
        }

        // The tool list says whether kubectl is there; this says what that means for the records a promotion writes.
        context.Log.Information(checks.Any(c => c.Tool.Command == "kubectl" && c.Found)
            ? "render check: on (kubectl kustomize renders every edited overlay before a push; a container not running the release refuses it)"
            : "render check: off (no kubectl on PATH): edited Kustomize overlays are pushed without rendering them; install kubectl (apt-get install kubernetes-client)");

        var missing = checks.Where(c => c.Tool.Required && !c.Found).ToList();
        if (missing.Count > 0)
        {
            throw new CakeException(string.Join(" ", missing.Select(c => c.Advice)));
        }
    }
}
