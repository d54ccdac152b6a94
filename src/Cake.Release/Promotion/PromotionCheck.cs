using Cake.Release.Manifests;

namespace Cake.Release.Promotion;

/// <summary>One gate of a promotion, evaluated whether or not the others pass, so a refusal lists every reason at once.</summary>
/// <param name="Name">The gate: path, freeze, source, digest, soak, approvals, version, immutable, release-branch.</param>
/// <param name="Passed">Whether the promotion may go ahead as far as this gate is concerned.</param>
/// <param name="Reason">One line: what was found, and when it failed, how to get past it.</param>
public sealed record PromotionCheck(string Name, bool Passed, string Reason)
{
    /// <summary>
    /// What the release records when this gate let it through on an exception (break-glass, a short soak under
    /// <c>soakPolicy: warn</c>); null for a plain pass or a failure.
    /// </summary>
    public Waiver? Waiver { get; init; }

    /// <summary>Whether the gate passed only on an exception, which the log shows as a warning.</summary>
    public bool Warned => Passed && Waiver is not null;

    /// <summary>The check as the log prints it: <c>[pass] soak: …</c>, <c>[warn] soak: …</c> or <c>[FAIL] soak: …</c>.</summary>
    public override string ToString() => $"[{(Warned ? "warn" : Passed ? "pass" : "FAIL")}] {Name}: {Reason}";
}
