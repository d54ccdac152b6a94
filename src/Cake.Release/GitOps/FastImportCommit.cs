using System.Globalization;
using System.Text;

namespace Cake.Release.GitOps;

/// <summary>
/// The input of one <c>git fast-import</c> that stores a GitOps write's commit: its blobs, the trees from the parent's
/// tree with the files replaced, and the commit, in one process where a temporary index takes five (read-tree,
/// hash-object, update-index, write-tree, commit-tree). Fewer processes between reading a branch's tip and pushing
/// to it is a shorter window for another pipeline to push first (benchmarks/GitOpsWriters). The commit's id comes
/// back through <c>get-mark</c>; the scratch branch fast-import commits on, one per write, is deleted again by the same
/// stream (<c>reset</c> without a <c>from</c>), so no ref of the clone is created or moved.
/// </summary>
internal static class FastImportCommit
{
    private const string ScratchRefs = "refs/cake-release/fast-import/";

    public static byte[] Stream(string? parent, IReadOnlyList<(string Path, TreeFile? File)> changes, string message, string author, string committer)
    {
        // One scratch branch per write, so that two writes in one clone at the same moment (parallel steps, pipelines
        // sharing a runner's checkout) never meet on one ref.
        var scratch = ScratchRefs + Guid.NewGuid().ToString("N");
        var stream = new MemoryStream();
        Line(stream, "feature done");
        // Without a parent the commit is a root commit: the reset makes sure the scratch branch starts empty.
        Line(stream, $"reset {scratch}");
        Line(stream, $"commit {scratch}");
        Line(stream, "mark :1");
        Line(stream, $"author {author}");
        Line(stream, $"committer {committer}");
        Data(stream, Encoding.UTF8.GetBytes(message));
        if (parent is not null)
        {
            Line(stream, $"from {parent}");
        }

        foreach (var (path, file) in changes.Where(c => c.File is not null))
        {
            Line(stream, $"M {file!.Mode} inline {Quote(path)}");
            Data(stream, file.Content);
        }

        // A null file is a deletion: a rendered object the new render no longer prints.
        foreach (var (path, _) in changes.Where(c => c.File is null))
        {
            Line(stream, $"D {Quote(path)}");
        }

        Line(stream, "");
        Line(stream, "get-mark :1");
        Line(stream, $"reset {scratch}");
        Line(stream, "done");
        return stream.ToArray();
    }

    // fast-import reads a path as it stands unless it starts with a quote or holds a line break.
    private static string Quote(string path) =>
        path.StartsWith('"') || path.Contains('\n', StringComparison.Ordinal)
            ? "\"" + path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\""
            : path;

    private static void Line(MemoryStream stream, string line) => stream.Write(Encoding.UTF8.GetBytes(line + "\n"));

    // "data <byte count>", the bytes as they are, and the optional line feed fast-import allows after them.
    private static void Data(MemoryStream stream, byte[] content)
    {
        Line(stream, string.Create(CultureInfo.InvariantCulture, $"data {content.Length}"));
        stream.Write(content);
        Line(stream, "");
    }
}
