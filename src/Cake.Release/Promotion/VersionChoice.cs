using NuGet.Versioning;

namespace Cake.Release.Promotion;

/// <summary>The release version a promotion records, or why none could be chosen.</summary>
/// <param name="Version">The version, or null when <paramref name="Problem"/> says why not.</param>
/// <param name="How">How it was chosen, for the log ("the next rc of 1.6.0").</param>
/// <param name="Problem">Why no version could be chosen, with the fix.</param>
public sealed record VersionChoice(SemanticVersion? Version, string How, string? Problem = null);
