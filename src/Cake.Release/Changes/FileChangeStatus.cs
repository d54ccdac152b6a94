namespace Cake.Release.Changes;

/// <summary>How a file differs between a base and a head commit, as <c>git diff --name-status</c> reports it.</summary>
public enum FileChangeStatus
{
    /// <summary>The file is new at head.</summary>
    Added,

    /// <summary>The file's content or mode changed (a type change counts too).</summary>
    Modified,

    /// <summary>The file is gone at head; the service that held it still changed.</summary>
    Deleted,

    /// <summary>The file moved (possibly with edits); both the old and the new place changed.</summary>
    Renamed,
}
