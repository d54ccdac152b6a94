using System.Text;

namespace Cake.Release.GitOps;

/// <summary>
/// A branch as a writer finds it on the remote at one attempt: its tip, and its files read on demand. A branch that
/// does not exist yet shows the files of the remote's main branch, which it will be created from.
/// </summary>
public sealed class BranchSnapshot
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Func<string, TreeFile?> _read;
    private readonly Func<string, IReadOnlyList<string>> _list;
    private readonly Dictionary<string, TreeFile?> _files = new(StringComparer.Ordinal);

    internal BranchSnapshot(string remote, string branch, string tip, bool isNew, Func<string, TreeFile?> read, Func<string, IReadOnlyList<string>> list)
    {
        _list = list;
        Remote = remote;
        Branch = branch;
        Tip = tip;
        IsNew = isNew;
        _read = read;
    }

    /// <summary>The remote the branch lives on.</summary>
    public string Remote { get; }

    /// <summary>The branch being written.</summary>
    public string Branch { get; }

    /// <summary>The commit the new commit will have as parent.</summary>
    public string Tip { get; }

    /// <summary>True when the branch does not exist yet and will be created from the remote's main branch.</summary>
    public bool IsNew { get; }

    /// <summary>The text of a file at the tip, or null when there is no such file.</summary>
    public string? ReadText(string path)
    {
        if (File(path) is not { } file)
        {
            return null;
        }

        try
        {
            return StrictUtf8.GetString(file.Content);
        }
        catch (DecoderFallbackException)
        {
            throw new ReleaseException($"{Remote}/{Branch}:{path} is not UTF-8 text, so it cannot be edited in place; convert it to UTF-8 on the branch and run again.");
        }
    }

    /// <summary>The paths of every file at or under a folder at the tip.</summary>
    public IReadOnlyList<string> List(string folder) => _list(folder);

    /// <summary>Where a file is, for error messages: <c>origin/gitops/dev:release-manifests/dev.yaml</c>.</summary>
    public string Describe(string path) => $"{Remote}/{Branch}:{path}";

    internal TreeFile? File(string path)
    {
        if (!_files.TryGetValue(path, out var file))
        {
            file = _read(path);
            _files[path] = file;
        }

        return file;
    }

    /// <summary>
    /// This snapshot as it will be once <paramref name="edits"/> are applied (a null text deletes the file): the tip
    /// the next of several deployments in one commit composes against, so it edits the files the earlier ones edited.
    /// </summary>
    internal BranchSnapshot After(IReadOnlyList<FileEdit> edits)
    {
        var edited = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var edit in edits)
        {
            edited[edit.Path] = edit.Text;
        }

        return new BranchSnapshot(Remote, Branch, Tip, IsNew,
            path => edited.TryGetValue(path, out var text) ? text is null ? null : new TreeFile(File(path)?.Mode ?? "100644", Encode(text)) : File(path),
            folder =>
            {
                var prefix = folder.TrimEnd('/') + "/";
                var inFolder = edited.Keys.Where(path => path == folder || path.StartsWith(prefix, StringComparison.Ordinal)).ToList();
                return List(folder).Except(inFolder.Where(path => edited[path] is null), StringComparer.Ordinal)
                    .Union(inFolder.Where(path => edited[path] is not null), StringComparer.Ordinal)
                    .Order(StringComparer.Ordinal)
                    .ToList();
            });
    }

    internal static byte[] Encode(string text) => StrictUtf8.GetBytes(text);
}
