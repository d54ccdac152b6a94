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
        // The reads are independent: sent together, a retag costs two round trips (read, write), as crane's does.
        var reading = store.GetManifestAsync(source.Repository, reference, cancellationToken);
        var resolving = wanted.Select(tag => store.ResolveAsync(source.Repository, tag, cancellationToken)).ToList();
        try
        {
            await Task.WhenAll(resolving.Prepend<Task>(reading)).ConfigureAwait(false);
        }
        catch (Exception) when (reading.IsFaulted)
        {
            // The source's own error is the one worth reporting; it is rethrown just below.
        }

        var manifest = await reading.ConfigureAwait(false);
        var current = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < wanted.Count; i++)
        {
            current[wanted[i]] = (await resolving[i].ConfigureAwait(false))?.Digest;
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
