using System.Text;
using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Release.GitOps;

namespace Cake.Release.Notifications;

/// <summary>
/// Which notify targets have heard of a promotion, as git notes on the remote's
/// <c>refs/notes/cake-release-notifications</c>: the note on a manifest commit lists the targets that answered 2xx
/// (<see cref="DeliveryNote"/>), so <c>git log --notes=cake-release-notifications</c> shows them beside the promotion.
/// Notes are written like a GitOps branch: from the remote's tip, without a checkout, pushed without force, and on a
/// push another pipeline beat, re-applied to the new tip and retried, so concurrent records all land.
/// </summary>
internal sealed class DeliveryRecords
{
    /// <summary>The notes ref on the remote; a name of our own, so no other tool's notes are touched.</summary>
    public const string NotesRef = "refs/notes/cake-release-notifications";

    private readonly GitRepository _repository;
    private readonly ICakeLog _log;
    private readonly string _remote;
    private readonly PushRetry _retry;
    private readonly Random _random = new();

    public DeliveryRecords(ICakeContext context, DirectoryPath root, string remote, GitSettings? settings = null, PushRetry? retry = null)
    {
        _repository = new GitRepository(context, root, settings);
        _log = context.Log;
        _remote = remote;
        _retry = retry ?? PushRetry.Default;
    }

    /// <summary>The targets recorded as notified of the promotion that made <paramref name="manifestCommit"/>.</summary>
    public IReadOnlySet<string> Delivered(string manifestCommit)
    {
        var tip = _repository.RemoteRef(_remote, NotesRef);
        return DeliveryNote.Delivered(tip is null ? null : Note(tip, manifestCommit));
    }

    /// <summary>Records that <paramref name="target"/> answered 2xx for the promotion that made <paramref name="manifestCommit"/>.</summary>
    public void Record(string manifestCommit, string target, DateTimeOffset when)
    {
        IReadOnlyDictionary<string, string>? identity = null;
        string? lastRace = null;
        var started = System.Diagnostics.Stopwatch.StartNew();
        var attempt = 1;
        for (; _retry.Allows(attempt, started.Elapsed); attempt++)
        {
            var tip = _repository.RemoteRef(_remote, NotesRef);
            var note = tip is null ? null : Note(tip, manifestCommit);
            if (DeliveryNote.Delivered(note).Contains(target))
            {
                return;
            }

            // Notes live in a tree keyed by the annotated object's full name; git reads a flat tree as well as a fanned-out one.
            var file = new TreeFile("100644", Encoding.UTF8.GetBytes(DeliveryNote.With(note, target, when)));
            var commit = _repository.Commit(tip, [(manifestCommit, file)], $"Notified {target} of {ShortCommit.Of(manifestCommit)}\n", identity ??= _repository.CommitIdentity());
            var push = _repository.PushRef(_remote, commit, NotesRef);
            if (push.IsAccepted)
            {
                return;
            }

            if (!push.IsRace)
            {
                throw new ReleaseException($"{_remote} refused the push to {NotesRef}: {push.Reason}; allow pushing {NotesRef} for the token CI uses");
            }

            lastRace = push.Reason;
            var wait = _retry.Delay(attempt, _random);
            _log.Verbose($"{NotesRef} moved on {_remote} while recording a delivery (attempt {attempt}); re-applying on the new tip in {wait.TotalMilliseconds:0} ms");
            Thread.Sleep(wait);
        }

        throw new ReleaseException($"{NotesRef} on {_remote} kept moving: {PushRetry.Tried(attempt - 1, started.Elapsed)} lost the race to other writers (last: {lastRace})");
    }

    private string? Note(string tip, string manifestCommit)
    {
        _repository.FetchRef(_remote, NotesRef, tip);
        return _repository.ReadFiles(tip, [manifestCommit]).GetValueOrDefault(manifestCommit) is { } file ? Encoding.UTF8.GetString(file.Content) : null;
    }
}
