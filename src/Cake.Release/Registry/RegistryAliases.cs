using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.Diagnostics;
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
