using Cake.Release.Versioning;

namespace Cake.Release.Changes;

/// <summary>How far changes move a version: a breaking change → major, <c>feat</c> → minor, anything else → patch.</summary>
/// <remarks>
/// Anything else includes <c>chore</c>, <c>docs</c> and messages that are not Conventional Commits: they changed the
/// service's files, so a release of them is a new version; a release of no change at all is nothing to release.
/// </remarks>
public static class ChangeLevels
{
    /// <summary>The highest level among the entries; <see cref="ChangeLevel.None"/> when there are none.</summary>
    /// <param name="entries">The parsed changes.</param>
    public static ChangeLevel Of(IEnumerable<ChangeEntry> entries) =>
        entries.Select(e => e.Breaking ? ChangeLevel.Major : e.Type == "feat" ? ChangeLevel.Minor : ChangeLevel.Patch)
            .DefaultIfEmpty(ChangeLevel.None)
            .Max();
}
