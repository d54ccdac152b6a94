namespace Cake.Release.Config;

/// <summary>
/// Whether paths of one repository, following symbolic links on the way, still end inside it: a path that leaves
/// the repository would let a release read, or a GitOps write touch, files no reviewer of the repository sees.
/// </summary>
/// <remarks>
/// Each folder on the way is resolved once per configuration. A release.yaml of 10,000 services names 10,000
/// folders under the same few parents, and resolving the root and every parent again for each path was most of
/// the time such a file took to load.
/// </remarks>
internal sealed class RepositoryFolders
{
    // Relative folder ("services/blue") → its real path, links resolved.
    private readonly Dictionary<string, string> _resolved = new(StringComparer.Ordinal);
    private readonly string _real;

    public RepositoryFolders(string root)
    {
        Root = Path.GetFullPath(root);
        _real = RealPath(Root);
    }

    /// <summary>The repository's folder, as given (made absolute), not resolved.</summary>
    public string Root { get; }

    /// <summary>Whether the path, following symbolic links on the way, still ends inside the repository.</summary>
    public bool StaysInside(string relative)
    {
        var parts = relative.Split('/', Path.DirectorySeparatorChar).Where(part => part is not ("" or ".")).ToList();
        // A rooted path, or one still holding ".." (which after a link leaves the link's target), is walked whole.
        var real = Path.IsPathRooted(relative) || parts.Contains("..")
            ? RealPath(Path.GetFullPath(Path.Combine(Root, relative)))
            : Resolved(parts);
        return real == _real || real.StartsWith(_real.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    // Walked on from the root's real path: a walk of the whole path passes the same folders in the same order, so it
    // ends on the same real path.
    private string Resolved(List<string> parts)
    {
        var current = _real;
        for (var i = 0; i < parts.Count; i++)
        {
            var folder = string.Join('/', parts, 0, i + 1);
            if (!_resolved.TryGetValue(folder, out var real))
            {
                real = Step(current, parts[i]);
                _resolved[folder] = real;
            }

            current = real;
        }

        return current;
    }

    // Resolves each symbolic link along the path, as the operating system would when opening it.
    private static string RealPath(string full)
    {
        var current = Path.GetPathRoot(full)!;
        foreach (var part in full[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Step(current, part);
        }

        return current;
    }

    // From a folder whose links are already resolved, one part further, resolving it when it is a symbolic link.
    private static string Step(string folder, string part)
    {
        var current = Path.Combine(folder, part);
        FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
        return info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target
            ? Path.GetFullPath(target.FullName)
            : current;
    }
}
