namespace Cake.Release.Versioning;

/// <summary>The rules of a version line that a repository may choose differently.</summary>
public sealed record VersionRules
{
    /// <summary>The default rules: channels alpha → beta → rc, and a breaking change below 1.0.0 bumps the minor version.</summary>
    public static VersionRules Default { get; } = new();

    /// <summary>The pre-release channels in the order a line goes through them; a line never goes back to an earlier one.</summary>
    public IReadOnlyList<string> Channels { get; init; } = ["alpha", "beta", "rc"];

    /// <summary>
    /// Below 1.0.0 a breaking change bumps the minor version (SemVer §4: anything may change in 0.y.z), so a
    /// project leaves 0.x only when it says so with <c>--bump=major</c> or <c>--version=1.0.0</c>.
    /// </summary>
    public bool BreakingBelowOneBumpsMinor { get; init; } = true;
}
