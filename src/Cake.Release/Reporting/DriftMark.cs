namespace Cake.Release.Reporting;

/// <summary>Why a cell of the status matrix deserves a second look.</summary>
public enum DriftMark
{
    /// <summary>The environment's <c>from</c> runs a newer release of the service than it does, or runs it where this one does not.</summary>
    Behind,

    /// <summary>The environment's <c>from</c> runs the service with a newer configuration (rendered mode): one its configuration's commit is part of.</summary>
    ConfigBehind,

    /// <summary>The registry's tag for the entry's version names another digest than the one the manifest says runs.</summary>
    DigestMismatch,

    /// <summary>The registry could not be read for the entry, so its digest was not checked.</summary>
    Unverified,

    /// <summary>
    /// Part of a coordinated release (a version several components share) that another of its components runs in
    /// this environment while this one runs an older version, or none (see <see cref="IncompleteReleases"/>).
    /// </summary>
    Incomplete,
}
