using Cake.Core;
using Cake.Core.Annotations;

namespace Cake.Release.Doctor;

/// <summary>Checks that the tools the release flow calls are installed.</summary>
[CakeAliasCategory("Release")]
[CakeNamespaceImport("Cake.Release.Doctor")]
public static class DoctorAliases
{
    /// <summary>Looks up every tool Cake.Release may call and reports path and version, or how to install it.</summary>
    /// <example><code>var checks = ReleaseDoctor(); if (checks.Any(c => c.Tool.Required &amp;&amp; !c.Found)) { ... }</code></example>
    [CakeMethodAlias]
    [CakeAliasCategory("Doctor")]
    public static IReadOnlyList<ToolCheck> ReleaseDoctor(this ICakeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var probe = new ToolProbe(context);
        return ReleaseTool.All.Select(probe.Check).ToList();
    }
}
