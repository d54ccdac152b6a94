using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.Diagnostics;
using Cake.Release.Session;
using Cake.Release.Config;
using Cake.Release.Hosting;

namespace Cake.Release.Registry;

/// <summary>Registry operations of the release flow: promotion moves tags, never layers.</summary>
[CakeAliasCategory("Release")]
public static class RegistryAliases
{
    /// <summary>
    /// Gives an existing image more tags, keeping its digest (an index keeps every platform). Idempotent; refuses to
    /// move a version tag or to use <c>latest</c> as one; with <c>--dryrun</c> it only logs what it would do.
    /// </summary>
    /// <example><code>
    /// var settings = new RetagSettings { Image = "registry.example.com/acme/blue:sha-3f2c1ab" };
    /// settings.Tags.Add("1.6.0"); settings.Tags.Add("stg"); settings.MovableTags.Add("stg");
    /// var result = Retag(settings);
    /// </code></example>
    [CakeMethodAlias]
    public static RetagResult Retag(this ICakeContext context, RetagSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrWhiteSpace(settings.Image))
        {
            throw new ReleaseException("Retag: no image given; set RetagSettings.Image to host/repository:tag, host/repository@sha256:… or oci:<dir>/repository:tag.");
        }

        var source = ImageReference.Parse(settings.Image);
        var baseDirectory = settings.BaseDirectory ?? context.Environment.WorkingDirectory.FullPath;
        using var store = ImageStores.Open(source, settings.Registry, baseDirectory, name => context.Environment.GetEnvironmentVariable(name));
        var result = ImageRetagger.RetagAsync(store, source, settings.Tags, settings.MovableTags.ToHashSet(StringComparer.Ordinal), settings.DryRun ?? context.IsDryRun())
            .GetAwaiter().GetResult();
        Report(context.Log, result);
        return result;
    }

    /// <summary>
    /// Retags a service's image in the registry release.yaml names, found by tag or digest. The environments'
    /// <c>imageTag</c>s may move; every other tag is a version and never does.
    /// </summary>
    /// <example><code>RetagService(new RetagServiceSettings { Service = "blue", FromTag = "sha-3f2c1ab", Tags = { "1.6.0", "stg" } });</code></example>
    [CakeMethodAlias]
    public static RetagResult RetagService(this ICakeContext context, RetagServiceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        if ((settings.FromTag is null) == (settings.Digest is null))
        {
            throw new ReleaseException("Retag needs exactly one of --from-tag and --digest: pass --from-tag=sha-3f2c1ab or --digest=sha256:<64 hex digits>.");
        }

        var config = ReleaseSession.Of(context).Config(settings.ConfigFile);
        var repository = ImageReference.InRegistry(config.Registry, config.Service(settings.Service).Image);
        var retag = new RetagSettings
        {
            // Parsed again with the tag or digest, so a malformed one is refused with the part that is wrong.
            Image = ImageReference.Parse(settings.FromTag is null ? $"{repository}@{settings.Digest}" : $"{repository}:{settings.FromTag}").ToString(),
            BaseDirectory = config.RepositoryRoot,
            DryRun = settings.DryRun,
            Registry = settings.Registry,
        };
        foreach (var tag in settings.Tags)
        {
            retag.Tags.Add(tag);
        }

        foreach (var imageTag in config.Environments.Select(e => e.ImageTag).OfType<string>())
        {
            retag.MovableTags.Add(imageTag);
        }

        return context.Retag(retag);
    }

    private static void Report(ICakeLog log, RetagResult result)
    {
        var target = result.Image.WithDigest(result.Digest).Name;
        if (result.NothingToDo)
        {
            log.Information("{0}", $"{target}: {string.Join(", ", result.Changes.Select(c => c.Tag))} already name {result.Digest}; nothing to do.");
            return;
        }

        var verb = result.DryRun ? "would " : "";
        foreach (var change in result.Changes)
        {
            log.Information("{0}", change.Action switch
            {
                TagAction.Unchanged => $"{target}:{change.Tag} already names {result.Digest}",
                TagAction.Created => $"{target}:{change.Tag} {verb}{(result.DryRun ? "name" : "names")} {result.Digest} (new tag)",
                _ => $"{target}:{change.Tag} {verb}{(result.DryRun ? "move" : "moved")} from {change.PreviousDigest} to {result.Digest}",
            });
        }
    }
}
