namespace Cake.Release.Manifests;

/// <summary>
/// A gate a release went past on an exception (a change window let through with <c>--break-glass</c>, a short soak
/// under <c>soakPolicy: warn</c>), kept with the release wherever it is told: a trailer of its manifest commit
/// (<c>Break-Glass: INC-4711 payments down</c>) and a line of its notification.
/// </summary>
/// <param name="Trailer">The commit trailer's key, e.g. <c>Break-Glass</c> or <c>Short-Soak</c>.</param>
/// <param name="Text">One line: why, or what was short.</param>
public sealed record Waiver(string Trailer, string Text)
{
    /// <summary>The trailer key of a promotion let through a change window.</summary>
    public const string BreakGlass = "Break-Glass";

    /// <summary>The trailer key of a promotion that soaked less than its target asks.</summary>
    public const string ShortSoak = "Short-Soak";

    /// <summary>The label a notification shows: the trailer key in words (<c>Break glass</c>).</summary>
    public string Label => Trailer[..1] + Trailer[1..].Replace('-', ' ').ToLowerInvariant();
}
