using Cake.Core;
using Cake.Core.Annotations;
using Cake.Release.Session;

namespace Cake.Release.Fragments;

/// <summary>The central release record (seed 001's <c>ReleaseFragments</c> DynamoDB table), written from git.</summary>
[CakeAliasCategory("Release")]
[CakeNamespaceImport("Cake.Release.Fragments")]
public static class PublishAliases
{
    /// <summary>
    /// Publishes every fact of this repository's git history to the table release.yaml's <c>publish:</c> names: each
    /// environment's deployments (its manifest history on its branch) and every release tag, each only where the
    /// table lacks it, so running it again changes nothing; then moves the publish marks to the branches' tips. With
    /// <see cref="PublishReleaseSettings.Verify"/>, compares the table's items of this repository with git and repairs
    /// them (missing put, different replaced, extra deleted, <c>current</c> markers fixed), printing what it found.
    /// The table is created with its indexes when missing. A dry run reads and says, and changes nothing.
    /// </summary>
    /// <example><code>PublishRelease(new PublishReleaseSettings { Verify = true });</code></example>
    [CakeMethodAlias]
    [CakeAliasCategory("Publish")]
    public static PublishReleaseResult PublishRelease(this ICakeContext context, PublishReleaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var session = ReleaseSession.Of(context);
        var config = session.Config(settings.ConfigFile);
        if (config.Publish is null)
        {
            throw new ReleaseException($"{config.File}: there is no publish: section, so PublishRelease has no table to write; add publish: {{ dynamodb: ReleaseFragments, region: eu-central-1 }} to release.yaml.");
        }

        // Named environments and services are checked first (an unknown one is refused, naming the closest).
        var environments = settings.Environments.Count == 0 ? config.Environments.ToList() : settings.Environments.Select(config.Environment).Distinct().ToList();
        var services = (settings.Services.Count == 0 ? config.Services : settings.Services.Select(config.Service)).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        return new ReleaseBackfill(session, config, settings).Run(environments, services, session.IsDryRun(settings));
    }
}
