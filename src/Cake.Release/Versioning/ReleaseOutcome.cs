namespace Cake.Release.Versioning;

/// <summary>How a release step ended.</summary>
public enum ReleaseOutcome
{
    /// <summary>No change touched the release's paths since its latest release: nothing to release.</summary>
    NothingToRelease,

    /// <summary>The version is already released (its tag exists); nothing changed.</summary>
    AlreadyReleased,

    /// <summary>The files already held the edits (a re-run); nothing changed.</summary>
    Unchanged,

    /// <summary>Files were written (and, for ReleaseChart, the commit and tag pushed).</summary>
    Done,

    /// <summary>Dry run: the changes were worked out and shown, not made.</summary>
    Planned,
}
