namespace Cake.Release.Charts;

/// <summary>One entry of a chart's <c>dependencies:</c>.</summary>
/// <param name="Index">Its position in the list (for <c>dependencies[i].version</c>).</param>
/// <param name="Name">The sub-chart's name.</param>
/// <param name="Version">The version or range as written, or null.</param>
/// <param name="Repository">Where it comes from (<c>file://../blue</c>, a URL), or null for a sub-chart under <c>charts/</c>.</param>
/// <param name="Line">The line of its version (or of the entry when it has none).</param>
public sealed record ChartDependency(int Index, string Name, string? Version, string? Repository, int Line);
