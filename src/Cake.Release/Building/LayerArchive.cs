using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace Cake.Release.Building;

/// <summary>
/// A folder packed as one gzip'd tar layer, reproducibly: entries in ordinal order of their paths, every time set to
/// the commit's, owner 0:0 without names, modes reduced to 0755/0644. The same tree therefore gives the same bytes
/// and the same digest, whoever builds it and whenever (with the same Cake.Release on the same kind of OS: the gzip
/// header names the OS).
/// </summary>
internal sealed class LayerArchive : IDisposable
{
    public const string MediaType = "application/vnd.oci.image.layer.v1.tar+gzip";

    private LayerArchive(string file, string digest, string diffId, long size)
    {
        File = file;
        Digest = digest;
        DiffId = diffId;
        Size = size;
    }

    /// <summary>The compressed layer, a temporary file deleted on dispose.</summary>
    public string File { get; }

    /// <summary>sha256 of the compressed bytes: the blob's name.</summary>
    public string Digest { get; }

    /// <summary>sha256 of the uncompressed tar: the image config's <c>rootfs.diff_ids</c> entry.</summary>
    public string DiffId { get; }

    public long Size { get; }

    public static LayerArchive Pack(string folder, DateTimeOffset time)
    {
        var file = Path.Combine(Path.GetTempPath(), $"cake-release-layer-{Guid.NewGuid():N}.tar.gz");
        try
        {
            using (var output = new FileStream(file, FileMode.CreateNew, FileAccess.Write))
            using (var compressed = new HashingStream(output))
            {
                using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
                using (var tar = new HashingStream(gzip))
                {
                    using (var writer = new TarWriter(tar, TarEntryFormat.Gnu, leaveOpen: true))
                    {
                        foreach (var entry in Entries(folder))
                        {
                            Write(writer, folder, entry, time);
                        }
                    }

                    // Disposing gzip writes its last block and trailer; a Flush() would add a sync block instead.
                    var diffId = tar.Digest();
                    gzip.Dispose();
                    return new LayerArchive(file, compressed.Digest(), diffId, compressed.Length);
                }
            }
        }
        catch
        {
            System.IO.File.Delete(file);
            throw;
        }
    }

    public Stream Open() => new FileStream(File, FileMode.Open, FileAccess.Read);

    public void Dispose() => System.IO.File.Delete(File);

    // Relative '/'-separated paths, parents before children, in ordinal order; symbolic links are kept as links,
    // never followed, so a link cannot pull files from outside the folder into the image.
    private static IEnumerable<string> Entries(string folder)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false, ReturnSpecialDirectories = false };
        return Directory.EnumerateFileSystemEntries(folder, "*", options)
            .Select(path => Path.GetRelativePath(folder, path).Replace('\\', '/'))
            .Where(path => !IsInsideLinkedFolder(folder, path))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static bool IsInsideLinkedFolder(string folder, string relative)
    {
        var parts = relative.Split('/');
        var path = folder;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            path = Path.Combine(path, parts[i]);
            if (new DirectoryInfo(path).LinkTarget is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static void Write(TarWriter writer, string folder, string relative, DateTimeOffset time)
    {
        var full = Path.Combine(folder, relative);
        var info = new FileInfo(full);
        GnuTarEntry entry;
        if (info.LinkTarget is { } target)
        {
            entry = new GnuTarEntry(TarEntryType.SymbolicLink, relative) { LinkName = target, Mode = Mode(0b111_111_111) };
        }
        else if (Directory.Exists(full))
        {
            entry = new GnuTarEntry(TarEntryType.Directory, relative + "/") { Mode = Mode(0b111_101_101) };
        }
        else
        {
            var executable = !OperatingSystem.IsWindows() && (System.IO.File.GetUnixFileMode(full) & UnixFileMode.UserExecute) != 0;
            entry = new GnuTarEntry(TarEntryType.RegularFile, relative) { Mode = Mode(executable ? 0b111_101_101 : 0b110_100_100) };
        }

        entry.ModificationTime = time;
        entry.AccessTime = time;
        entry.ChangeTime = time;
        entry.Uid = 0;
        entry.Gid = 0;
        entry.UserName = string.Empty;
        entry.GroupName = string.Empty;
        if (entry.EntryType == TarEntryType.RegularFile)
        {
            using var data = System.IO.File.OpenRead(full);
            entry.DataStream = data;
            writer.WriteEntry(entry);
            return;
        }

        writer.WriteEntry(entry);
    }

    private static UnixFileMode Mode(int bits) => (UnixFileMode)bits;

    /// <summary>Passes writes through while hashing them, so a layer is read once for both of its digests.</summary>
    private sealed class HashingStream(Stream inner) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        private long _length;

        public string Digest() => "sha256:" + Convert.ToHexStringLower(_hash.GetCurrentHash());

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _hash.AppendData(buffer);
            _length += buffer.Length;
            inner.Write(buffer);
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _hash.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
