namespace Cake.Release.Reporting;

/// <summary>The names drift marks go by in every output: <c>behind</c>, <c>digest-mismatch</c>, <c>unverified</c>.</summary>
public static class DriftMarks
{
    /// <summary>The mark's name as the JSON, Markdown and HTML outputs write it.</summary>
    /// <param name="mark">A drift mark.</param>
    public static string Name(DriftMark mark) => mark switch
    {
        DriftMark.Behind => "behind",
        DriftMark.ConfigBehind => "config-behind",
        DriftMark.DigestMismatch => "digest-mismatch",
        DriftMark.Unverified => "unverified",
        DriftMark.Incomplete => "incomplete",
        _ => throw new ArgumentOutOfRangeException(nameof(mark), mark, null),
    };

    /// <summary>What the mark means, for the legends of the table, Markdown and HTML outputs.</summary>
    /// <param name="mark">A drift mark.</param>
    public static string Meaning(DriftMark mark) => mark switch
    {
        DriftMark.Behind => "the environment it is promoted from runs a newer release (or runs the service where this one does not)",
        DriftMark.ConfigBehind => "the environment it is promoted from runs the service with a newer configuration (a later commit of it)",
        DriftMark.DigestMismatch => "the registry tag of this version names another digest than the one recorded as running",
        DriftMark.Unverified => "the registry could not be read, so the digest was not checked",
        DriftMark.Incomplete => "a version released together with other components runs here for them, not for this one",
        _ => throw new ArgumentOutOfRangeException(nameof(mark), mark, null),
    };

    /// <summary>Every mark, in the order outputs list them.</summary>
    public static IReadOnlyList<DriftMark> All { get; } = [DriftMark.Behind, DriftMark.ConfigBehind, DriftMark.DigestMismatch, DriftMark.Unverified, DriftMark.Incomplete];
}
