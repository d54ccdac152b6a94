using Cake.Core;
using Cake.Core.Annotations;
using Cake.Release.Changes;
using Cake.Release.Session;

namespace Cake.Release.Building;

/// <summary>Finds the services a change touches, for the build and deploy steps that follow.</summary>
[CakeAliasCategory("Release")]
[CakeNamespaceImport("Cake.Release.Building")]
[CakeNamespaceImport("Cake.Release.Changes")]
public static class ChangeAliases
{
    /// <summary>
    /// The services changed between each one's base and head, through their paths and <c>dependsOn</c>, each with
    /// its reasons. The base is <see cref="DetectChangedSettings.Base"/>; else what the auto environment runs; else
    /// the merge-base with the main branch; without any (first commit, unrelated or rewritten history) every service
    /// counts, and says why. A shallow clone is deepened until the base is reachable. Writes
    /// <c>artifacts/changed.json</c> and, on GitHub Actions, the <c>services</c> output and a step summary.
    /// </summary>
    /// <example><code>var changes = DetectChanged(new DetectChangedSettings { Base = "origin/main" }); foreach (var name in changes.Names) { ... }</code></example>
    [CakeMethodAlias]
    [CakeAliasCategory("Changes")]
    public static ChangeSet DetectChanged(this ICakeContext context, DetectChangedSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);

        return DetectChangedRun.Run(ReleaseSession.Of(context), settings);
    }
}
