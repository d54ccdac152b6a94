using Cake.Core;
using Cake.Core.IO;

namespace Cake.Release.GitOps;

/// <summary>
/// A detached worktree in a temporary folder, where a hotfix is cherry-picked and built without touching the
/// user's checkout (its files, index, HEAD or branches). Disposing removes it, whatever happened inside; a run killed
/// before that leaves it, and <see cref="RemoveStale"/> in a later run removes it.
/// </summary>
internal sealed class HotfixWorktree : IDisposable
{
    // Ours are <temp>/cake-release-hotfix-<random>/worktree, with the owning process written beside them.
    private const string FolderPrefix = "cake-release-hotfix-";
    private const string Leaf = "worktree";
    private const string OwnerFile = "owner";

    private readonly IGit _git;
    private readonly DirectoryPath _root;
    private readonly DirectoryInfo _scratch;

    private HotfixWorktree(IGit git, DirectoryPath root, DirectoryInfo scratch)
    {
        _git = git;
        _root = root;
        _scratch = scratch;
        Path = new DirectoryPath(System.IO.Path.Combine(scratch.FullName, Leaf));
    }

    /// <summary>The worktree's folder.</summary>
    public DirectoryPath Path { get; }

    /// <summary>A worktree of the repository at <paramref name="root"/>, detached at <paramref name="commit"/>.</summary>
    public static HotfixWorktree Add(ICakeContext context, DirectoryPath root, GitSettings? settings, string commit)
    {
        var worktree = new HotfixWorktree(GitTool.For(context, settings), root, Directory.CreateTempSubdirectory(FolderPrefix));
        try
        {
            HotfixWorktreeOwner.Current().Write(System.IO.Path.Combine(worktree._scratch.FullName, OwnerFile));
            var add = new ProcessArgumentBuilder().Append("worktree").Append("add").Append("--detach").Append("--quiet").AppendQuoted(worktree.Path.FullPath).Append(commit);
            worktree._git.Run(root, add).OrFail(root, $"add a temporary worktree at {ShortCommit.Of(commit)}", "check the repository and the free space in the temp folder");
            return worktree;
        }
        catch
        {
            worktree.Dispose();
            throw;
        }
    }

    /// <summary>Cherry-picks a commit with <c>-x</c>; the files in conflict when it does not apply (empty when it did).</summary>
    public IReadOnlyList<string> CherryPick(string commit, IReadOnlyDictionary<string, string> identity)
    {
        var pick = _git.Run(Path, new ProcessArgumentBuilder().Append("cherry-pick").Append("-x").Append(commit), identity);
        if (pick.Succeeded)
        {
            return [];
        }

        var conflicts = _git.Run(Path, new ProcessArgumentBuilder().Append("diff").Append("--name-only").Append("--diff-filter=U")).Output
            .Where(line => line.Length > 0)
            .ToList();
        return conflicts.Count > 0
            ? conflicts
            : throw new ReleaseException($"git could not cherry-pick {ShortCommit.Of(commit)} in a temporary worktree of {_root.FullPath}: {pick.Reason}; nothing was pushed: check the commit (a merge commit needs a backport by hand).");
    }

    /// <summary>The commit the worktree is at.</summary>
    public string Head() =>
        _git.Run(Path, new ProcessArgumentBuilder().Append("rev-parse").Append("HEAD")).OrFail(Path, "read the hotfix commit", "check the repository").Output[0];

    /// <summary>
    /// Removes the worktrees of earlier Hotfix runs that were killed before removing their own: ours by their folder,
    /// and either gone from disk or owned by a process that no longer runs. A concurrent run's worktree and every
    /// worktree the user made stay (so no <c>git worktree prune</c>, which would drop the user's moved ones too).
    /// Returns the paths removed, or that a dry run would remove.
    /// </summary>
    public static IReadOnlyList<string> RemoveStale(ICakeContext context, DirectoryPath root, GitSettings? settings, bool dryRun)
    {
        var git = GitTool.For(context, settings);
        var listing = git.Run(root, new ProcessArgumentBuilder().Append("worktree").Append("list").Append("--porcelain")).OrFail(root, "list the worktrees", "check the repository");
        var stale = listing.Output
            .Where(line => line.StartsWith("worktree ", StringComparison.Ordinal))
            .Select(line => line["worktree ".Length..])
            .Where(IsStale)
            .ToList();
        if (!dryRun)
        {
            stale.ForEach(path => Remove(git, root, path, new DirectoryInfo(System.IO.Path.GetDirectoryName(path)!)));
        }

        return stale;
    }

    /// <summary>Removes the worktree and its folder, and git's record of it even when the folder is already gone.</summary>
    public void Dispose() => Remove(_git, _root, Path.FullPath, _scratch);

    private static bool IsStale(string path)
    {
        var folder = System.IO.Path.GetDirectoryName(path);
        if (System.IO.Path.GetFileName(path) != Leaf || folder is null || !System.IO.Path.GetFileName(folder).StartsWith(FolderPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        return !Directory.Exists(path) || HotfixWorktreeOwner.Read(System.IO.Path.Combine(folder, OwnerFile)) is not { } owner || !owner.IsRunning();
    }

    // Twice forced: a worktree with changes (a pick in conflict) or locked goes too; git drops its record even when
    // the folder is gone.
    private static void Remove(IGit git, DirectoryPath root, string path, DirectoryInfo scratch)
    {
        git.Run(root, new ProcessArgumentBuilder().Append("worktree").Append("remove").Append("--force").Append("--force").AppendQuoted(path));
        scratch.Refresh();
        if (scratch.Exists)
        {
            scratch.Delete(recursive: true);
        }
    }
}
