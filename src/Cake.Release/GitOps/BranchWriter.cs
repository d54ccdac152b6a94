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
        // Who commits is worked out before the first attempt: every git process between reading the tip and pushing
        // widens the window in which another pipeline pushes first.
        var identity = dryRun ? null : _repository.CommitIdentity();
        if (identity is not null)
        {
            _repository.Signature(identity);
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        var attempt = 1;
        for (; _retry.Allows(attempt, started.Elapsed); attempt++)
        {
            var snapshot = Snapshot(remote, branch, mainBranch);
            var (change, changes) = Edits(snapshot, compose);

            if (changes.Count == 0)
            {
                return new BranchWrite(BranchWriteOutcome.Unchanged, remote, branch, null, snapshot.Tip, false, "", [], attempt);
            }

            verify?.Invoke(snapshot, change, changes);
            if (dryRun)
            {
                return new BranchWrite(BranchWriteOutcome.Planned, remote, branch, null, snapshot.Tip, snapshot.IsNew, change.Message, changes, attempt);
            }

            var files = Files(snapshot, changes);
            var commit = _repository.Commit(snapshot.Tip, files, change.Message, identity!);
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

        throw new ReleaseException($"{branch} on {remote} kept moving: {PushRetry.Tried(attempt - 1, started.Elapsed)} lost the race to other writers (last: {lastRace}); run again, or raise the push attempts.");
    }

    /// <summary>
    /// The same commit <see cref="Write"/> would push to <paramref name="branch"/>, pushed to <paramref name="proposal"/>
    /// instead, for a pull request into <paramref name="branch"/>. A proposal already pushed on a commit the branch
    /// still contains is kept as it is, so the reviews of its head stay valid; one on a rewritten branch is rebuilt.
    /// Unchanged (with <paramref name="branch"/> named) when the branch already holds every edit.
    /// </summary>
    public BranchWrite Propose(string remote, string branch, string proposal, string mainBranch, Func<BranchSnapshot, BranchChange> compose, bool dryRun, Action<BranchSnapshot, BranchChange, IReadOnlyList<FileChange>>? verify = null)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        for (var attempt = 1; _retry.Allows(attempt, started.Elapsed); attempt++)
        {
            var snapshot = Snapshot(remote, branch, mainBranch);
            var (change, changes) = Edits(snapshot, compose);
            if (changes.Count == 0)
            {
                return new BranchWrite(BranchWriteOutcome.Unchanged, remote, branch, null, snapshot.Tip, false, "", [], attempt);
            }

            verify?.Invoke(snapshot, change, changes);
            var existing = _repository.RemoteBranches(remote, proposal).GetValueOrDefault(proposal);
            if (existing is not null)
            {
                _repository.FetchObjects(remote, proposal, existing);
                if (_repository.Parent(existing) is { } parent && _repository.IsAncestor(parent, snapshot.Tip))
                {
                    return new BranchWrite(BranchWriteOutcome.Unchanged, remote, proposal, existing, parent, false, change.Message, changes, attempt);
                }
            }

            if (dryRun)
            {
                return new BranchWrite(BranchWriteOutcome.Planned, remote, proposal, null, snapshot.Tip, existing is null, change.Message, changes, attempt);
            }

            // A pull request needs its base branch: the first one into an environment starts the branch at the main
            // branch's tip, as a first push would have, and proposes its commit on top.
            if (snapshot.IsNew && !_repository.Push(remote, snapshot.Tip, branch).IsAccepted)
            {
                continue;
            }

            var files = Files(snapshot, changes);
            var commit = _repository.Commit(snapshot.Tip, files, change.Message, _repository.CommitIdentity());
            var push = _repository.PushReplacing(remote, commit, proposal, existing);
            if (push.IsAccepted)
            {
                return new BranchWrite(BranchWriteOutcome.Committed, remote, proposal, commit, snapshot.Tip, existing is null, change.Message, changes, attempt);
            }

            if (!push.IsRace)
            {
                throw new ReleaseException($"{remote} refused the push to {proposal}: {push.Reason}; check your push rights for promote/* branches.");
            }

            Thread.Sleep(_retry.Delay(attempt, _random));
        }

        throw new ReleaseException($"{proposal} on {remote} kept moving: another run is proposing the same promotion; run again once it is done.");
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

    // The caller's edit against this snapshot, and the files it really changes there.
    private static (BranchChange Change, List<FileChange> Changes) Edits(BranchSnapshot snapshot, Func<BranchSnapshot, BranchChange> compose)
    {
        var change = compose(snapshot);
        return (change, change.Files
            .Where(edit => snapshot.ReadText(edit.Path) != edit.Text)
            .Select(edit => new FileChange(edit.Path, snapshot.ReadText(edit.Path), edit.Text))
            .ToList());
    }

    // The changed files as tree entries, keeping each file's mode; a null file is a deletion.
    private static List<(string Path, TreeFile? File)> Files(BranchSnapshot snapshot, List<FileChange> changes) =>
        changes.Select(c => (c.Path, c.After is null ? null : new TreeFile(snapshot.File(c.Path)?.Mode ?? "100644", BranchSnapshot.Encode(c.After)))).ToList();

    private BranchSnapshot Snapshot(string remote, string branch, string mainBranch)
    {
        var (tip, isNew) = Tip(remote, branch, mainBranch);
        _repository.FetchObjects(remote, isNew ? mainBranch : branch, tip);
        return new BranchSnapshot(remote, branch, tip, isNew, path => _repository.ReadFiles(tip, [path]).GetValueOrDefault(path), folder => _repository.ListFiles(tip, folder));
    }
}
