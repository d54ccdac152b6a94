namespace Cake.Release.Promotion;

/// <summary>How a hotfix ended.</summary>
public enum HotfixOutcome
{
    /// <summary>The fix was cherry-picked, built, pushed to the release branch and tagged.</summary>
    Released,

    /// <summary>An earlier run (or a backport by hand) put the fix on the release branch without a release tag; it was built and tagged.</summary>
    Completed,

    /// <summary>The fix is already in a release of the line; nothing changed.</summary>
    AlreadyReleased,

    /// <summary>Dry run: the pick was tried in a temporary worktree; nothing was built, pushed or tagged.</summary>
    Planned,
}
