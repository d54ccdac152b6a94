using Cake.Core;
using Cake.Core.Annotations;
using Cake.Release.Changelog;
using Cake.Release.Session;
using Cake.Release.Versioning;

namespace Cake.Release.Charts;

/// <summary>Works out release versions from tags and Conventional Commits.</summary>
[CakeAliasCategory("Release")]
[CakeNamespaceImport("Cake.Release.Charts")]
[CakeNamespaceImport("Cake.Release.Versioning")]
public static class VersioningAliases
{
    /// <summary>
    /// The next version of a service (or chart) by the same rules as BumpChart and ReleaseChart, changing nothing:
    /// <see cref="ReleaseStepResult.Version"/> is null when nothing touched its paths since its latest release.
    /// </summary>
    /// <example><code>var next = NextVersion(new NextVersionSettings { Service = "blue", PreRelease = "rc" }).Version;</code></example>
    [CakeMethodAlias]
    [CakeAliasCategory("Charts")]
    public static ReleaseStepResult NextVersion(this ICakeContext context, NextVersionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        return ReleaseStep.InWorkingTree(context, settings, bumpChart: false, writeChangelog: false, ReleaseSession.Of(context).Today, new ChangelogFormat(), write: false);
    }
}
