namespace Cake.Release.Changes;

/// <summary>
/// The commits a release is planned from: those that touched a unit's paths since a tag. Git answers it in a run
/// (GitOps.GitHistory); a test answers it from memory.
/// </summary>
internal interface ICommitLog
{
    /// <summary>The commits reachable from <paramref name="revision"/> and not from <paramref name="since"/> that touched <paramref name="paths"/>, newest first.</summary>
    IReadOnlyList<CommitRecord> Log(string revision, string? since, IReadOnlyList<string> paths);

    /// <summary>Whether any commit from <paramref name="since"/> to <paramref name="revision"/> touched <paramref name="paths"/>.</summary>
    bool Changed(string revision, string? since, IReadOnlyList<string> paths);
}
