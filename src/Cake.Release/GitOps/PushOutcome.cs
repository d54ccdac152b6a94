namespace Cake.Release.GitOps;

/// <summary>How a push ended: accepted, lost a race with another writer (fetch and retry), or refused for good.</summary>
internal sealed record PushOutcome(bool IsAccepted, bool IsRace, string Reason)
{
    public static readonly PushOutcome Accepted = new(true, false, "");

    public static PushOutcome Raced(string reason) => new(false, true, reason);

    public static PushOutcome Refused(string reason) => new(false, false, reason);

    // Another writer got there first: the branch moved ("fetch first", "non-fast-forward", "stale info"), or the
    // remote was mid-update of the same ref and could not take its lock. Anything else (a hook, a protected branch,
    // permissions) will not go away by trying again.
    public static bool IsLostRace(string porcelainLine) =>
        porcelainLine.Contains("[rejected]", StringComparison.Ordinal)
        || porcelainLine.Contains("lock", StringComparison.OrdinalIgnoreCase)
        || porcelainLine.Contains("failed to update ref", StringComparison.Ordinal)
        || porcelainLine.Contains("incorrect old value", StringComparison.Ordinal);
}
