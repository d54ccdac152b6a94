using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cake.Release.Registry;

/// <summary>
/// Images in OCI image layouts on disk, one layout per repository under a root folder
/// (<c>oci:.release/registry</c> + <c>blue</c> → <c>.release/registry/blue/</c>): an <c>oci-layout</c> file,
/// <c>index.json</c> naming each tag in an <c>org.opencontainers.image.ref.name</c> annotation, and
/// <c>blobs/sha256/&lt;hex&gt;</c>. skopeo and crane read and write the same layout (<c>oci:&lt;dir&gt;:&lt;tag&gt;</c>).
/// </summary>
internal sealed class OciLayoutStore(string root) : IImageStore
{
    internal const string RefName = "org.opencontainers.image.ref.name";
    private static readonly TimeSpan LockPatience = TimeSpan.FromSeconds(60);

    // Each repository's tags as first read, when the store reads its index once (ReadsIndexOnce).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, List<(ManifestDescriptor Descriptor, string? Tag)>> _indexes = new(StringComparer.Ordinal);

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>
    /// Whether each repository's <c>index.json</c> is read once and its tags kept for the store's life: for a reader
    /// that asks many tags of one repository and writes none (Status checks a service's tag in every environment);
    /// a store that writes must not, or it would not see its own writes.
    /// </summary>
    public bool ReadsIndexOnce { get; init; }

    public Task<ManifestDescriptor?> ResolveAsync(string repository, string reference, CancellationToken cancellationToken = default) =>
        Task.FromResult(Resolve(repository, reference));

    public Task<ImageManifest> GetManifestAsync(string repository, string reference, CancellationToken cancellationToken = default)
    {
        var descriptor = Resolve(repository, reference)
            ?? throw new ReleaseException($"{Display(repository, reference)}: not found in the OCI layout {Layout(repository)}; check the tag or digest (tags there: {string.Join(", ", Tags(repository).DefaultIfEmpty("none"))}).");
        var manifest = new ImageManifest(descriptor.MediaType, File.ReadAllBytes(BlobPath(repository, descriptor.Digest)));
        if (manifest.Digest != descriptor.Digest)
        {
            throw new ReleaseException($"{Display(repository, reference)}: the blob {BlobPath(repository, descriptor.Digest)} does not hash to its name; the layout is damaged, restore it from a registry.");
        }

        return Task.FromResult(manifest);
    }

    public async Task PutManifestAsync(string repository, string? tag, ImageManifest manifest, CancellationToken cancellationToken = default)
    {
        await WriteBlobAsync(repository, manifest.Digest, new MemoryStream(manifest.Content, writable: false), cancellationToken).ConfigureAwait(false);
        using var held = await LockAsync(repository, cancellationToken).ConfigureAwait(false);
        var index = ReadIndex(repository);
        var entries = index["manifests"]!.AsArray();
        if (tag is null)
        {
            if (entries.Any(e => e?["digest"]?.GetValue<string>() == manifest.Digest))
            {
                return;
            }
        }
        else
        {
            // A tag names one manifest: the entry that held it before loses it.
            foreach (var old in entries.Where(e => RefNameOf(e) == tag).ToList())
            {
                entries.Remove(old);
            }
        }

        var entry = new JsonObject
        {
            ["mediaType"] = manifest.MediaType,
            ["digest"] = manifest.Digest,
            ["size"] = manifest.Content.LongLength,
        };
        if (tag is not null)
        {
            entry["annotations"] = new JsonObject { [RefName] = tag };
        }

        entries.Add(entry);
        WriteIndex(repository, index);
    }

    public Task<IReadOnlyList<string>> ListTagsAsync(string repository, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>(Tags(repository));

    public Task<bool> HasBlobAsync(string repository, string digest, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(BlobPath(repository, digest)));

    public Task<byte[]> GetBlobAsync(string repository, string digest, CancellationToken cancellationToken = default)
    {
        var path = BlobPath(repository, digest);
        var content = File.Exists(path) ? File.ReadAllBytes(path)
            : throw new ReleaseException($"{Display(repository, digest)}: not found in the OCI layout {Layout(repository)}; check the digest.");
        return ImageDigest.Of(content) == digest ? Task.FromResult(content)
            : throw new ReleaseException($"{Display(repository, digest)}: the blob {path} does not hash to its name; the layout is damaged, restore it from a registry.");
    }

    public Task PutBlobAsync(string repository, string digest, Stream content, CancellationToken cancellationToken = default) =>
        WriteBlobAsync(repository, digest, content, cancellationToken);

    public Task<bool> MountBlobAsync(string repository, string digest, string fromRepository, CancellationToken cancellationToken = default)
    {
        var source = BlobPath(fromRepository, digest);
        if (!File.Exists(source))
        {
            return Task.FromResult(false);
        }

        var target = BlobPath(repository, digest);
        if (!File.Exists(target))
        {
            EnsureLayout(repository);
            var temporary = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.Copy(source, temporary);
            File.Move(temporary, target, overwrite: true);
        }

        return Task.FromResult(true);
    }

    public void Dispose()
    {
    }

    private ManifestDescriptor? Resolve(string repository, string reference)
    {
        if (ImageDigest.IsValid(reference))
        {
            var path = BlobPath(repository, reference);
            if (!File.Exists(path))
            {
                return null;
            }

            return Entries(repository).Select(e => e.Descriptor).FirstOrDefault(d => d.Digest == reference)
                ?? new ManifestDescriptor(MediaTypeOf(File.ReadAllBytes(path)), reference, new FileInfo(path).Length);
        }

        return Entries(repository).LastOrDefault(e => e.Tag == reference).Descriptor;
    }

    private List<string> Tags(string repository) => Entries(repository).Select(e => e.Tag).OfType<string>().Distinct().ToList();

    private IEnumerable<(ManifestDescriptor Descriptor, string? Tag)> Entries(string repository) =>
        ReadsIndexOnce ? _indexes.GetOrAdd(repository, r => [.. IndexEntries(r)]) : IndexEntries(repository);

    private IEnumerable<(ManifestDescriptor Descriptor, string? Tag)> IndexEntries(string repository)
    {
        foreach (var entry in ReadIndex(repository)["manifests"]!.AsArray())
        {
            if (entry?["digest"]?.GetValue<string>() is { } digest && entry["mediaType"]?.GetValue<string>() is { } mediaType)
            {
                yield return (new ManifestDescriptor(mediaType, digest, entry["size"]?.GetValue<long>() ?? 0), RefNameOf(entry));
            }
        }
    }

    private static string? RefNameOf(JsonNode? entry) => entry?["annotations"]?[RefName]?.GetValue<string>();

    // An OCI manifest may leave mediaType out; then an index is told apart by its "manifests" list.
    private static string MediaTypeOf(byte[] content)
    {
        using var document = JsonDocument.Parse(content);
        var root = document.RootElement;
        if (root.TryGetProperty("mediaType", out var mediaType) && mediaType.GetString() is { Length: > 0 } declared)
        {
            return declared;
        }

        return root.TryGetProperty("manifests", out _) ? ManifestMediaTypes.OciIndex : ManifestMediaTypes.OciManifest;
    }

    private JsonObject ReadIndex(string repository)
    {
        var path = IndexPath(repository);
        string text;
        try
        {
            // Read without asking first whether it exists: Status reads one index per service, and the question
            // was a third of the file system calls.
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return new JsonObject
            {
                ["schemaVersion"] = 2,
                ["mediaType"] = ManifestMediaTypes.OciIndex,
                ["manifests"] = new JsonArray(),
            };
        }

        try
        {
            var index = JsonNode.Parse(text) as JsonObject ?? throw new JsonException("not an object");
            index["manifests"] ??= new JsonArray();
            return index;
        }
        catch (JsonException e)
        {
            throw new ReleaseException($"{path}: not a valid OCI index ({e.Message.Split('\n')[0]}); restore it from version control or delete the layout and push again.");
        }
    }

    // Written beside and renamed over: a reader or a crash sees the old index or the new, never half of one.
    private void WriteIndex(string repository, JsonObject index)
    {
        EnsureLayout(repository);
        var path = IndexPath(repository);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, index.ToJsonString());
        File.Move(temporary, path, overwrite: true);
    }

    private async Task WriteBlobAsync(string repository, string digest, Stream content, CancellationToken cancellationToken)
    {
        if (!ImageDigest.IsValid(digest))
        {
            throw new ReleaseException($"{Display(repository, digest)}: '{digest}' is not a sha256 digest; blobs are stored by sha256.");
        }

        var path = BlobPath(repository, digest);
        if (File.Exists(path))
        {
            return;
        }

        EnsureLayout(repository);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256))
            {
                await using (var file = File.Create(temporary))
                {
                    var buffer = new byte[81920];
                    int read;
                    while ((read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        hash.AppendData(buffer, 0, read);
                        await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    }
                }

                var actual = "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
                if (actual != digest)
                {
                    throw new ReleaseException($"{Display(repository, digest)}: the content hashes to {actual}, not {digest}; nothing was stored.");
                }
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private void EnsureLayout(string repository)
    {
        Directory.CreateDirectory(Path.Combine(Layout(repository), "blobs", "sha256"));
        var marker = Path.Combine(Layout(repository), "oci-layout");
        if (!File.Exists(marker))
        {
            File.WriteAllText(marker, """{"imageLayoutVersion":"1.0.0"}""");
        }
    }

    // One writer of index.json at a time, across threads and processes: .NET takes an exclusive flock for
    // FileShare.None on Unix (and a share lock on Windows), released when the handle closes, also on a crash.
    private async Task<FileStream> LockAsync(string repository, CancellationToken cancellationToken)
    {
        EnsureLayout(repository);
        var path = IndexPath(repository) + ".lock";
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var pause = TimeSpan.FromMilliseconds(2);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < LockPatience)
            {
                await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
                pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 100));
            }
            catch (IOException)
            {
                throw new ReleaseException($"{path}: another writer has held this lock for {LockPatience.TotalSeconds:0} s; wait for it to finish, then run again.");
            }
        }
    }

    private string Layout(string repository) => Path.Combine(Root, repository);

    private string IndexPath(string repository) => Path.Combine(Layout(repository), "index.json");

    private string BlobPath(string repository, string digest) => Path.Combine(Layout(repository), "blobs", "sha256", ImageDigest.Hex(digest));

    private string Display(string repository, string reference) =>
        $"oci:{Layout(repository)}{(ImageDigest.IsValid(reference) ? "@" : ":")}{reference}";
}
