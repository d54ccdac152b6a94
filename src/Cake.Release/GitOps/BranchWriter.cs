using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Release.Diffs;

namespace Cake.Release.GitOps;

/// <summary>
/// Commits edits to a remote branch without a checkout, safely against concurrent writers. Each attempt reads the
/// branch's current tip on the remote, lets the caller compose its edit against that tip, commits it through a
/// temporary index and pushes without force. When another pipeline pushed first, the push is rejected and the whole
/// attempt repeats on the new tip after a jittered wait, so every writer lands and none overwrites another.
/// </summary>
internal sealed class BranchWriter
{
    private readonly GitRepository _repository;
    private readonly ICakeLog _log;
    private readonly PushRetry _retry;
    private readonly Random _random = new();

    public BranchWriter(GitRepository repository, ICakeLog log, PushRetry? retry = null)
    {
        _repository = repository;
        _log = log;
        _retry = retry ?? PushRetry.Default;
    }

    // verify runs on every attempt's edit before it is shown or pushed (the overlay render check) and throws to refuse it.
    public BranchWrite Write(string remote, string branch, string mainBranch, Func<BranchSnapshot, BranchChange> compose, bool dryRun, Action<BranchSnapshot, BranchChange, IReadOnlyList<FileChange>>? verify = null)
    {
        string? lastRace = null;
        IReadOnlyDictionary<string, string>? identity = null;
        for (var attempt = 1; attempt <= _retry.MaxAttempts; attempt++)
        {
            var snapshot = Snapshot(remote, branch, mainBranch);
            var change = compose(snapshot);
            var changes = change.Files
                .Where(edit => snapshot.ReadText(edit.Path) != edit.Text)
                .Select(edit => new FileChange(edit.Path, snapshot.ReadText(edit.Path), edit.Text))
                .ToList();

            if (changes.Count == 0)
            {
                return new BranchWrite(BranchWriteOutcome.Unchanged, remote, branch, null, snapshot.Tip, false, "", [], attempt);
            }

            verify?.Invoke(snapshot, change, changes);
            if (dryRun)
            {
                return new BranchWrite(BranchWriteOutcome.Planned, remote, branch, null, snapshot.Tip, snapshot.IsNew, change.Message, changes, attempt);
            }

            var files = changes.Select(c => (c.Path, c.After is null ? null : new TreeFile(snapshot.File(c.Path)?.Mode ?? "100644", BranchSnapshot.Encode(c.After)))).ToList();
            var commit = _repository.Commit(snapshot.Tip, files, change.Message, identity ??= _repository.CommitIdentity());
            var push = _repository.Push(remote, commit, branch);
            if (push.IsAccepted)
            {
                return new BranchWrite(BranchWriteOutcome.Committed, remote, branch, commit, snapshot.Tip, snapshot.IsNew, change.Message, changes, attempt);
            }

            if (!push.IsRace)
            {
                throw new ReleaseException($"{remote} refused the push to {branch}: {push.Reason}; check the branch protection and your push rights for {branch}.");
            }

            lastRace = push.Reason;
            var wait = _retry.Delay(attempt, _random);
            _log.Verbose($"{branch} moved on {remote} while writing (attempt {attempt}); re-applying on the new tip in {wait.TotalMilliseconds:0} ms");
            Thread.Sleep(wait);
        }

        throw new ReleaseException($"{branch} on {remote} kept moving: {_retry.MaxAttempts} pushes lost the race to other writers (last: {lastRace}); run again, or raise the push attempts.");
    }

    /// <summary>
    /// Asks the remote, changing nothing, whether a write could start: it answers, and holds the branch or the main
    /// branch to create it from. Callers with effects elsewhere (a registry tag) ask before making them.
    /// </summary>
    public void Probe(string remote, string branch, string mainBranch) => Tip(remote, branch, mainBranch);

    private (string Tip, bool IsNew) Tip(string remote, string branch, string mainBranch)
    {
        var heads = _repository.RemoteBranches(remote, branch, mainBranch);
        return heads.TryGetValue(branch, out var existing) ? (existing, false)
            : heads.TryGetValue(mainBranch, out var main) ? (main, true)
            : throw new ReleaseException($"{remote} has neither '{branch}' nor '{mainBranch}' to create it from; push {mainBranch} first (git push {remote} {mainBranch}).");
    }

    private BranchSnapshot Snapshot(string remote, string branch, string mainBranch)
    {
        var (tip, isNew) = Tip(remote, branch, mainBranch);
        _repository.FetchObjects(remote, isNew ? mainBranch : branch, tip);
        return new BranchSnapshot(remote, branch, tip, isNew, path => _repository.ReadFiles(tip, [path]).GetValueOrDefault(path), folder => _repository.ListFiles(tip, folder));
    }
}
