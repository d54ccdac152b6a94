using System.Text;

namespace Cake.Release.GitOps;

/// <summary>
/// Files of a commit read with one <c>git cat-file --batch</c>: per path, the folder's tree (which holds the file's
/// mode) and the file's blob, as exact bytes. It replaces an <c>ls-tree</c> and an <c>unpack-file</c> per file, so a
/// GitOps write reads its manifest with one process inside its race window.
/// </summary>
internal static class TreeFileBatch
{
    /// <summary>
    /// Whether a path can be asked as <c>&lt;commit&gt;:&lt;path&gt;</c> and means what <c>ls-tree --full-tree</c> would:
    /// no newline (batch input is one object per line), and no empty, <c>.</c> or <c>..</c> segment (which git would
    /// read relative to the working folder).
    /// </summary>
    public static bool CanAsk(string path) =>
        !path.Contains('\n', StringComparison.Ordinal) && path.Split('/').All(segment => segment is not ("" or "." or ".."));

    /// <summary>
    /// The batch input: each commit itself (to tell a missing commit from a missing file), then per file its folder's
    /// tree and its blob. Files of several commits go in one batch: Status reads every environment's manifest with one process.
    /// </summary>
    public static byte[] Request(IReadOnlyList<(string Commit, string Path)> files)
    {
        var request = new StringBuilder();
        foreach (var commit in files.Select(f => f.Commit).Distinct(StringComparer.Ordinal))
        {
            request.Append(commit).Append('\n');
        }

        foreach (var (commit, path) in files)
        {
            var slash = path.LastIndexOf('/');
            request.Append(commit).Append(':').Append(slash < 0 ? "" : path[..slash]).Append('\n');
            request.Append(commit).Append(':').Append(path).Append('\n');
        }

        return Encoding.UTF8.GetBytes(request.ToString());
    }

    /// <summary>The files found (blobs only: a folder or a submodule is no file), or null when a commit itself is missing.</summary>
    public static Dictionary<(string Commit, string Path), TreeFile>? Parse(byte[] output, IReadOnlyList<(string Commit, string Path)> files)
    {
        var at = 0;
        foreach (var _ in files.Select(f => f.Commit).Distinct(StringComparer.Ordinal))
        {
            if (Next(output, ref at) is null)
            {
                return null;
            }
        }

        var found = new Dictionary<(string Commit, string Path), TreeFile>();
        foreach (var (commit, path) in files)
        {
            var folder = Next(output, ref at);
            var blob = Next(output, ref at);
            var name = path[(path.LastIndexOf('/') + 1)..];
            if (folder is ("tree", var tree, var idLength) && blob is ("blob", var content, _) && Mode(tree, name, idLength) is { } mode && mode is not ("40000" or "160000"))
            {
                found[(commit, path)] = new TreeFile(mode, content);
            }
        }

        return found;
    }

    // One answer: "<id> <type> <size>\n<content>\n", or "<name> missing\n" (null).
    private static (string Type, byte[] Content, int IdLength)? Next(byte[] output, ref int at)
    {
        var end = Array.IndexOf(output, (byte)'\n', at);
        if (end < 0)
        {
            throw new InvalidDataException("git cat-file --batch ended early");
        }

        var header = Encoding.UTF8.GetString(output, at, end - at).Split(' ');
        at = end + 1;
        if (header is not [var id, var type, var sizeText] || !int.TryParse(sizeText, out var size))
        {
            return null;
        }

        var content = output.AsSpan(at, size).ToArray();
        at += size + 1;
        return (type, content, id.Length / 2);
    }

    // A tree is entries of "<mode> <name>\0<raw id>"; the id is as long as the object names of the repository.
    private static string? Mode(byte[] tree, string name, int idLength)
    {
        var wanted = Encoding.UTF8.GetBytes(name);
        var at = 0;
        while (at < tree.Length)
        {
            var space = Array.IndexOf(tree, (byte)' ', at);
            var nul = Array.IndexOf(tree, (byte)0, space);
            if (tree.AsSpan(space + 1, nul - space - 1).SequenceEqual(wanted))
            {
                return Encoding.ASCII.GetString(tree, at, space - at);
            }

            at = nul + 1 + idLength;
        }

        return null;
    }
}
