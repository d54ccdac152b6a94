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
}
