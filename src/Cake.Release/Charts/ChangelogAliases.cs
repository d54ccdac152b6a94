using Cake.Core;
using Cake.Core.Annotations;
using Cake.Release.Changelog;
using Cake.Release.Session;
using Cake.Release.Versioning;

namespace Cake.Release.Charts;

/// <summary>Writes Keep a Changelog 1.1.0 sections from Conventional Commits.</summary>
[CakeAliasCategory("Release")]
[CakeNamespaceImport("Cake.Release.Charts")]
[CakeNamespaceImport("Cake.Release.Changelog")]
[CakeNamespaceImport("Cake.Release.Versioning")]
public static class ChangelogAliases
{
    /// <summary>
    /// Adds the section of the next (or <c>--version</c>) release to the service's or chart's changelog in the
    /// working tree: under <c>## [Unreleased]</c>, from the commits that touched its paths since the previous release
    /// tag, with compare links at the bottom when the remote is on GitHub, GitLab or Bitbucket. A missing file is
    /// created with the standard header; a file that already has the section is left as it is.
    /// </summary>
    /// <example><code>WriteChangelog(new WriteChangelogSettings { Service = "blue" });</code></example>
    [CakeMethodAlias]
    [CakeAliasCategory("Charts")]
    public static ReleaseStepResult WriteChangelog(this ICakeContext context, WriteChangelogSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        return ReleaseStep.InWorkingTree(context, settings, bumpChart: false, writeChangelog: true, settings.Date ?? ReleaseSession.Of(context).Today, settings.Format);
    }
}
