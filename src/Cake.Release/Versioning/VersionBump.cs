namespace Cake.Release.Versioning;

/// <summary>How the next version is chosen (<c>--bump</c>).</summary>
public enum VersionBump
{
    /// <summary>From the Conventional Commits since the last release: breaking → major, <c>feat</c> → minor, anything else → patch.</summary>
    Auto,

    /// <summary>The next major version.</summary>
    Major,

    /// <summary>The next minor version.</summary>
    Minor,

    /// <summary>The next patch version.</summary>
    Patch,

    /// <summary>The next pre-release on the current line (its channel, or the first channel when the line is stable).</summary>
    Prerelease,
}
