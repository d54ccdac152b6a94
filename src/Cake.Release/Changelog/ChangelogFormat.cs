namespace Cake.Release.Changelog;

/// <summary>How commits become Keep a Changelog entries: which section each type goes to, which types are left out, how a breaking change is marked.</summary>
public sealed class ChangelogFormat
{
    /// <summary>Keep a Changelog 1.1.0's sections, in its order, and "Other" for messages that are not Conventional Commits.</summary>
    public static IReadOnlyList<string> SectionOrder { get; } = ["Added", "Changed", "Deprecated", "Removed", "Fixed", "Security", "Other"];

    /// <summary>
    /// Commit type → section. Default: feat → Added; fix → Fixed; perf, refactor → Changed; revert, remove →
    /// Removed; deprecate → Deprecated; security → Security. A type missing here and not hidden goes to Changed.
    /// </summary>
    public IDictionary<string, string> Sections { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["feat"] = "Added",
        ["fix"] = "Fixed",
        ["perf"] = "Changed",
        ["refactor"] = "Changed",
        ["revert"] = "Removed",
        ["remove"] = "Removed",
        ["deprecate"] = "Deprecated",
        ["security"] = "Security",
    };

    /// <summary>Types left out of the changelog unless breaking (then they go to Changed): chore, docs, style, test, ci, build by default.</summary>
    public ISet<string> Hidden { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "chore", "docs", "style", "test", "ci", "build" };

    /// <summary>What a breaking change's entry starts with; <c>**BREAKING:**</c> by default.</summary>
    public string BreakingMarker { get; set; } = "**BREAKING:**";
}
