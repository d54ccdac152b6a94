using Cake.Core;
using Cake.Core.IO;

namespace Cake.Release.GitOps;

/// <summary>
/// A detached worktree in a temporary folder, where a hotfix is cherry-picked and built without touching the
/// user's checkout (its files, index, HEAD or branches). Disposing removes it, whatever happened inside.
/// </summary>
internal sealed class HotfixWorktree : IDisposable
{
    private readonly GitTool _git;
    private readonly DirectoryPath _root;
    private readonly DirectoryInfo _scratch;

    private HotfixWorktree(GitTool git, DirectoryPath root, DirectoryInfo scratch)
    {
        _git = git;
        _root = root;
        _scratch = scratch;
        Path = new DirectoryPath(System.IO.Path.Combine(scratch.FullName, "worktree"));
    }

    /// <summary>The worktree's folder.</summary>
    public DirectoryPath Path { get; }

    /// <summary>A worktree of the repository at <paramref name="root"/>, detached at <paramref name="commit"/>.</summary>
    public static HotfixWorktree Add(ICakeContext context, DirectoryPath root, GitSettings? settings, string commit)
    {
        var worktree = new HotfixWorktree(new GitTool(context, settings), root, Directory.CreateTempSubdirectory("cake-release-hotfix-"));
        try
        {
            var add = new ProcessArgumentBuilder().Append("worktree").Append("add").Append("--detach").Append("--quiet").AppendQuoted(worktree.Path.FullPath).Append(commit);
            worktree._git.Run(root, add).OrFail(root, $"add a temporary worktree at {commit[..7]}", "check the repository and the free space in the temp folder");
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
            : throw new ReleaseException($"git could not cherry-pick {commit[..7]} in a temporary worktree of {_root.FullPath}: {pick.Reason}; nothing was pushed: check the commit (a merge commit needs a backport by hand).");
    }

    /// <summary>The commit the worktree is at.</summary>
    public string Head() =>
        _git.Run(Path, new ProcessArgumentBuilder().Append("rev-parse").Append("HEAD")).OrFail(Path, "read the hotfix commit", "check the repository").Output[0];

    /// <summary>Removes the worktree and its folder, and git's record of it even when the folder is already gone.</summary>
    public void Dispose()
    {
        _git.Run(_root, new ProcessArgumentBuilder().Append("worktree").Append("remove").Append("--force").Append("--force").AppendQuoted(Path.FullPath));
        if (_scratch.Exists)
        {
            _scratch.Delete(recursive: true);
        }

        _git.Run(_root, new ProcessArgumentBuilder().Append("worktree").Append("prune"));
    }
}
