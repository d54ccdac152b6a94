namespace Cake.Release.Changes;

/// <summary>
/// The history change detection reads: head, the bases it compares with, the files changed between them, and the
/// remote's branch tips. Git answers it in a run (GitOps.ChangeHistory); a test answers it from memory.
/// </summary>
internal interface IChangeHistory
{
    /// <summary>Where the history is, for messages (the clone's folder).</summary>
    string Location { get; }

    /// <summary>Head (and <paramref name="baseRevision"/>, when given); a head that is no commit is a one-line error.</summary>
    HeadProbe Probe(string head, string? baseRevision);

    /// <summary>The full commit id a revision names, or null.</summary>
    string? Resolve(string revision);

    bool HasCommit(string sha);

    bool IsShallow();

    /// <summary>The merge-base of two commits, or null when they share no history.</summary>
    string? MergeBase(string first, string second);

    /// <summary>Brings <paramref name="tip"/> of the remote's <paramref name="branch"/> into the clone.</summary>
    void FetchTip(string remote, string branch, string tip, bool shallow);

    /// <summary>A file's text at a commit, or null when it is not there.</summary>
    string? ReadText(string commit, string path);

    /// <summary>Deepens a shallow clone by <paramref name="commits"/> toward <paramref name="wanted"/>.</summary>
    void Deepen(string remote, int commits, string shallowFile, string wanted);

    /// <summary>The files changed from <paramref name="baseCommit"/> to <paramref name="head"/>, renames detected.</summary>
    IReadOnlyList<ChangedFile> Diff(string baseCommit, string head);

    /// <summary>The remote's tips of <paramref name="branches"/>, by branch name; a missing branch is absent.</summary>
    IReadOnlyDictionary<string, string> RemoteBranches(string remote, params string[] branches);
}
