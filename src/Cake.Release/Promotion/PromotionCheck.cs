namespace Cake.Release.Promotion;

/// <summary>One gate of a promotion, evaluated whether or not the others pass, so a refusal lists every reason at once.</summary>
/// <param name="Name">The gate: path, source, digest, soak, approvals, version, immutable, release-branch.</param>
/// <param name="Passed">Whether the promotion may go ahead as far as this gate is concerned.</param>
/// <param name="Reason">One line: what was found, and when it failed, how to get past it.</param>
public sealed record PromotionCheck(string Name, bool Passed, string Reason)
{
    /// <summary>The check as the log prints it: <c>[pass] soak: …</c>.</summary>
    public override string ToString() => $"[{(Passed ? "pass" : "FAIL")}] {Name}: {Reason}";
}
