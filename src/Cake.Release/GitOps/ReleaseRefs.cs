using Cake.Core;
using Cake.Core.IO;

namespace Cake.Release.GitOps;

/// <summary>
/// The release branch and tags a promotion leaves on the remote, each written only when missing, so a re-run after
/// any failure completes them instead of failing on what an earlier run already pushed.
/// </summary>
internal sealed class ReleaseRefs
{
    private readonly IGit _git;
    private readonly GitRepository _repository;
    private readonly GitHistory _history;
    private readonly string _remote;

    public ReleaseRefs(ICakeContext context, GitRepository repository, string remote, GitSettings? settings = null)
    {
        _git = GitTool.For(context, settings);
        _repository = repository;
        _history = new GitHistory(context, repository.Root, settings);
        _remote = remote;
    }

    public IReadOnlyList<(string Name, string Commit)> RemoteTags() => _history.RemoteTags(_remote);

    // The source commit comes from a manifest, so this checkout may not have it yet (a shallow CI clone, an old one).
    public void EnsureCommit(string commit, string mainBranch)
    {
        if (_repository.HasCommit(commit))
        {
            return;
        }

        _repository.FetchObjects(_remote, mainBranch, commit);
        if (!_repository.HasCommit(commit))
        {
            throw new ReleaseException($"The source commit {commit} is not on {_remote}/{mainBranch} nor in {_repository.Root.FullPath}; fetch the branch that holds it (git fetch {_remote} <branch>) and run again.");
        }
    }

    /// <summary>
    /// True when <paramref name="commit"/> is on the remote's <paramref name="releaseBranch"/> but not on its main
    /// branch: a hotfix, cherry-picked onto a release line. Fetches what it needs, moving no ref.
    /// </summary>
    public bool IsHotfix(string commit, string releaseBranch, string mainBranch)
    {
        var tips = _repository.RemoteBranches(_remote, releaseBranch, mainBranch);
        if (!tips.TryGetValue(releaseBranch, out var release) || !tips.TryGetValue(mainBranch, out var main))
        {
            return false;
        }

        _repository.FetchObjects(_remote, releaseBranch, release);
        _repository.FetchObjects(_remote, mainBranch, main);
        return _repository.HasCommit(commit) && IsAncestor(commit, release) && !IsAncestor(commit, main);
    }

    public ReleaseBranchState BranchState(string branch, string commit)
    {
        if (!_repository.RemoteBranches(_remote, branch).TryGetValue(branch, out var tip))
        {
            return ReleaseBranchState.Absent;
        }

        if (tip == commit)
        {
            return ReleaseBranchState.Contains;
        }

        _repository.FetchObjects(_remote, branch, tip);
        return IsAncestor(commit, tip) ? ReleaseBranchState.Contains
            : IsAncestor(tip, commit) ? ReleaseBranchState.Behind
            : ReleaseBranchState.Diverged;
    }

    public PushOutcome PushBranch(string branch, string commit) => _repository.Push(_remote, commit, branch);

    public PushOutcome PushTag(string name, string commit, string message)
    {
        var tagObject = _history.CreateTagObject(name, commit, message);
        return _history.PushTag(_remote, tagObject, name);
    }

    private bool IsAncestor(string ancestor, string descendant) => _repository.IsAncestor(ancestor, descendant);
}
