using System.Text;
using Cake.Release.GitOps;

namespace Cake.Release.Charts;

/// <summary>
/// Where a release reads its files, tags and history: the user's working tree (BumpChart, WriteChangelog edit the
/// checkout) or a commit on the remote's main branch (ReleaseChart commits there without a checkout).
/// </summary>
internal sealed class ReleaseSource
{
    // Files are read as bytes and decoded without dropping a byte-order mark, so writing the text back is byte-exact.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public required string Revision { get; init; }

    public required Func<string, string?> Read { get; init; }

    /// <summary>The Chart.yaml paths at or under a folder.</summary>
    public required Func<string, IReadOnlyList<string>> ChartFilesUnder { get; init; }

    public required IReadOnlyList<(string Name, string Commit)> Tags { get; init; }

    public static ReleaseSource WorkingTree(string root, GitHistory history) => new()
    {
        Revision = "HEAD",
        Read = path => File.Exists(Path.Combine(root, path)) ? Decode(File.ReadAllBytes(Path.Combine(root, path)), path) : null,
        ChartFilesUnder = folder => Directory.Exists(Path.Combine(root, folder))
            ? Directory.EnumerateFiles(Path.Combine(root, folder), "Chart.yaml", SearchOption.AllDirectories)
                .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/'))
                .Where(file => !file.StartsWith(".git/", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [],
        Tags = history.LocalTags(),
    };

    public static ReleaseSource Commit(BranchSnapshot snapshot, GitHistory history, IReadOnlyList<(string Name, string Commit)> tags) => new()
    {
        Revision = snapshot.Tip,
        Read = snapshot.ReadText,
        ChartFilesUnder = folder => history.FilesNamed(snapshot.Tip, folder, "Chart.yaml"),
        Tags = tags,
    };

    public static void Write(string root, string path, string text)
    {
        var full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, Utf8.GetBytes(text));
    }

    private static string Decode(byte[] bytes, string path)
    {
        try
        {
            return Utf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new ReleaseException($"{path} is not UTF-8 text, so it cannot be edited in place; convert it to UTF-8 and run again.");
        }
    }
}
