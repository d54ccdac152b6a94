namespace Cake.Release.Promotion;

/// <summary>How a rollback ended.</summary>
public enum RollbackOutcome
{
    /// <summary>The environment already ran the target; nothing changed.</summary>
    AlreadyRunning,

    /// <summary>The environment tag moved and the manifest commit was pushed.</summary>
    RolledBack,

    /// <summary>Promotion by pull request: the rollback commit was pushed to a branch and a revert pull request proposes it.</summary>
    Proposed,

    /// <summary>Dry run: the tag move and the manifest diff were shown, nothing changed.</summary>
    Planned,
}
