using Cake.Release.Diffs;

namespace Cake.Release.GitOps;

/// <summary>How a GitOps write ended.</summary>
public enum BranchWriteOutcome
{
    /// <summary>The branch already held every edit; nothing was committed.</summary>
    Unchanged,

    /// <summary>A commit was pushed.</summary>
    Committed,

    /// <summary>Dry run: the commit was worked out and shown, not made.</summary>
    Planned,
}

/// <summary>The result of a GitOps write.</summary>
/// <param name="Outcome">Unchanged, committed or planned.</param>
/// <param name="Remote">The remote written to.</param>
/// <param name="Branch">The branch written to.</param>
/// <param name="Commit">The pushed commit; null unless committed.</param>
/// <param name="Parent">The branch tip the edit was applied to.</param>
/// <param name="Created">True when the branch was (or would be) created from the main branch.</param>
/// <param name="Message">The commit message; empty when unchanged.</param>
/// <param name="Changes">The files changed, with their text before and after.</param>
/// <param name="Attempts">Pushes tried; more than one means other writers landed first and the edit was re-applied.</param>
public sealed record BranchWrite(
    BranchWriteOutcome Outcome,
    string Remote,
    string Branch,
    string? Commit,
    string Parent,
    bool Created,
    string Message,
    IReadOnlyList<FileChange> Changes,
    int Attempts);
