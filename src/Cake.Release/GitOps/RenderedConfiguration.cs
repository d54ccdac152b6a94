namespace Cake.Release.GitOps;

/// <summary>One service's configuration for one environment as rendered at one commit: the files of its folder on the branch.</summary>
/// <param name="Folder">The folder on the environment's branch that holds exactly this service's rendered files.</param>
/// <param name="Files">Every file of the folder (path on the branch, text); a file of the folder not listed is deleted.</param>
/// <param name="Commit">The source commit the configuration was rendered from.</param>
/// <param name="Source">What was rendered, for the log: the overlay folder or the chart.</param>
public sealed record RenderedConfiguration(string Folder, IReadOnlyList<FileEdit> Files, string Commit, string Source)
{
    /// <summary>The edits that make the branch's folder hold exactly these files: each file, and a deletion of every other file there.</summary>
    /// <param name="snapshot">The branch as the writer found it.</param>
    public IEnumerable<FileEdit> Edits(BranchSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var kept = Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        return Files.Concat(snapshot.List(Folder).Where(path => !kept.Contains(path)).Select(path => new FileEdit(path, null)));
    }
}
