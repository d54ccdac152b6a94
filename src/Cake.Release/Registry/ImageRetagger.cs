namespace Cake.Release.Registry;

/// <summary>
/// Gives an existing image more tags without moving a layer: read the manifest's exact bytes once, then put those
/// bytes under each new tag with the same media type (crane's two calls), so the digest stays the same and an
/// index keeps every platform. What the <c>Retag</c> alias runs, usable without Cake.
/// </summary>
public static class ImageRetagger
{
    /// <summary>Retags <paramref name="source"/> (a tag or a digest) in <paramref name="store"/>; see <see cref="RetagResult"/>.</summary>
    public static async Task<RetagResult> RetagAsync(IImageStore store, ImageReference source, IEnumerable<string> tags, IReadOnlySet<string> movableTags, bool dryRun, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(source);
        var wanted = TagPolicy.CheckNames(source, tags, movableTags);
        var reference = source.Digest ?? source.Tag
            ?? throw new ReleaseException($"Retag of {source}: the source names neither a tag nor a digest; give --from-tag or --digest.");
        var manifest = await store.GetManifestAsync(source.Repository, reference, cancellationToken).ConfigureAwait(false);

        var current = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var tag in wanted)
        {
            current[tag] = (await store.ResolveAsync(source.Repository, tag, cancellationToken).ConfigureAwait(false))?.Digest;
        }

        var changes = TagPolicy.Plan(source, manifest.Digest, wanted, current, movableTags);
        if (!dryRun)
        {
            foreach (var change in changes.Where(c => c.Action != TagAction.Unchanged))
            {
                await store.PutManifestAsync(source.Repository, change.Tag, manifest, cancellationToken).ConfigureAwait(false);
            }
        }

        return new RetagResult(source, manifest.Digest, manifest.MediaType, changes, dryRun);
    }
}
