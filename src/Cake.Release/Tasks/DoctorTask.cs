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

        var missing = checks.Where(c => c.Tool.Required && !c.Found).ToList();
        if (missing.Count > 0)
        {
            throw new CakeException(string.Join(" ", missing.Select(c => c.Advice)));
        }
    }
}
