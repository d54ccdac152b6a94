namespace Cake.Release.Fragments;

/// <summary>
/// The table compared with git by <c>PublishRelease --verify</c>, per kind of difference: found, and repaired (all of
/// them, unless it was a dry run).
/// </summary>
public sealed record FragmentVerification
{
    /// <summary>Facts of git the table lacked.</summary>
    public int Missing { get; init; }

    /// <summary>Items that held another fact than git's under the same key.</summary>
    public int Different { get; init; }

    /// <summary>Items of this repository that git does not hold.</summary>
    public int Extra { get; init; }

    /// <summary><c>current</c> markers set or removed.</summary>
    public int Markers { get; init; }

    /// <summary>Whether every difference was repaired.</summary>
    public bool Repaired { get; init; }

    /// <summary>Whether the table already matched git.</summary>
    public bool InSync => Missing + Different + Extra + Markers == 0;
}
