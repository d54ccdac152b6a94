namespace Cake.Release.Config;

/// <summary>
/// Paths in <c>release.yaml</c> are relative to the repository root and must stay inside it: a path that leaves the
/// repository would let a release read, or a GitOps write touch, files no reviewer of the repository sees.
/// </summary>
internal static class RepositoryPath
{
    /// <summary>The path with '/' separators and no '.' segments (<c>.</c> for the root), or the reason it is refused.</summary>
    public static (string? Path, string? Problem) Normalize(string value)
    {
        var text = value.Replace('\\', '/');
        if (text.Length == 0)
        {
            return (null, "is empty; give a folder relative to the repository root");
        }

        if (text.StartsWith('/') || System.IO.Path.IsPathRooted(value) || (text.Length > 1 && text[1] == ':'))
        {
            return (null, "is an absolute path; write it relative to the repository root (the folder of the configuration file)");
        }

        var parts = new List<string>();
        foreach (var part in text.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return (null, "leaves the repository; keep it inside the folder of the configuration file");
                }

                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return (parts.Count == 0 ? "." : string.Join('/', parts), null);
    }

    /// <summary>Whether the path, following symbolic links on the way, still ends inside the repository.</summary>
    public static bool StaysInside(string repositoryRoot, string relative)
    {
        var root = RealPath(Path.GetFullPath(repositoryRoot));
        var parts = relative.Split('/', Path.DirectorySeparatorChar).Where(part => part is not ("" or ".")).ToList();
        // Walked on from the root's real path, the root's own folders are not resolved a second time for each of the
        // configuration's paths; a walk of the whole path passes the same folders in the same order, so it ends on the
        // same real path. A rooted path, or one still holding ".." (which after a link leaves the link's target), is
        // walked whole, as before.
        var real = Path.IsPathRooted(relative) || parts.Contains("..")
            ? RealPath(Path.GetFullPath(Path.Combine(repositoryRoot, relative)))
            : Walk(root, parts);
        return real == root || real.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    /// <summary>The sub-folders of the path's parent, for a "did you mean" on a mistyped folder.</summary>
    public static IEnumerable<string> Siblings(string repositoryRoot, string relative)
    {
        var slash = relative.LastIndexOf('/');
        var parent = slash < 0 ? string.Empty : relative[..slash];
        var folder = Path.Combine(repositoryRoot, parent);
        return Directory.Exists(folder)
            ? Directory.EnumerateDirectories(folder).Select(d => (parent.Length == 0 ? string.Empty : parent + "/") + Path.GetFileName(d))
            : [];
    }

    // Resolves each symbolic link along the path, as the operating system would when opening it.
    private static string RealPath(string full)
    {
        var root = Path.GetPathRoot(full)!;
        return Walk(root, full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));
    }

    // From a folder whose links are already resolved, each part in turn, resolving a part that is a symbolic link.
    private static string Walk(string current, IEnumerable<string> parts)
    {
        foreach (var part in parts)
        {
            current = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                current = Path.GetFullPath(target.FullName);
            }
        }

        return current;
    }
}
