using Cake.Core.Diagnostics;
using Cake.Release.Config;

namespace Cake.Release.Registry;

/// <summary>Tags to give an image that is already in a store, and which of them may move off another digest.</summary>
/// <param name="Source">The image, by tag or digest.</param>
/// <param name="Tags">The tags it gets.</param>
/// <param name="MovableTags">The tags that may name another digest now (environment tags); every other tag is a version and never moves.</param>
/// <param name="BaseDirectory">Where a relative <c>oci:</c> store is.</param>
/// <param name="Registry">Time-outs and retries of the registry client.</param>
internal sealed record RetagInput(ImageReference Source, IReadOnlyList<string> Tags, IReadOnlySet<string> MovableTags, string BaseDirectory, RegistrySettings Registry)
{
    /// <summary>A service's image in the registry release.yaml names, by digest or by tag; the environments' imageTags may move.</summary>
    public static RetagInput ForService(ReleaseConfig config, string service, string? digest, string? fromTag, IEnumerable<string> tags, RegistrySettings? registry)
    {
        var repository = ImageReference.InRegistry(config.Registry, config.Service(service).Image);

        // Parsed again with the tag or digest, so a malformed one is refused with the part that is wrong.
        var source = ImageReference.Parse(digest is null ? $"{repository}:{fromTag}" : $"{repository}@{digest}");
        var movable = config.Environments.Select(e => e.ImageTag).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return new RetagInput(source, tags.ToList(), movable, config.RepositoryRoot, registry ?? new RegistrySettings());
    }
}

/// <summary>
/// Gives an existing image more tags without moving a layer, as crane's <c>tag</c> does: read the manifest by tag or
/// digest, then put it under each missing tag. A tag that already names the digest is left alone.
/// </summary>
internal sealed class RetagStep(ICakeLog log, Func<string, string?> environment) : IReleaseStep<RetagInput, RetagResult>
{
    public RetagResult Plan(RetagInput input) => Run(input, dryRun: true);

    public RetagResult Apply(RetagInput input) => Run(input, dryRun: false);

    public static StepEffect Effect(RetagResult result, RetagInput input) =>
        new("registry-tags", !result.NothingToDo, $"{result.Image.Name}:{string.Join(", :", input.Tags)} → {result.Digest}");

    private RetagResult Run(RetagInput input, bool dryRun)
    {
        using var store = ImageStores.Open(input.Source, input.Registry, input.BaseDirectory, environment);
        var result = ImageRetagger.RetagAsync(store, input.Source, input.Tags, input.MovableTags, dryRun).GetAwaiter().GetResult();
        Report(log, result);
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
