namespace Cake.Release.Charts;

/// <summary>One changed chart as <see cref="ChartAliases.CheckChartVersions"/> found it.</summary>
/// <param name="Chart">Its Chart.yaml.</param>
/// <param name="BaseVersion">Its version on the base; null for a chart new since the base.</param>
/// <param name="Version">Its version now.</param>
/// <param name="Problem">Why it fails ct's rule; null when it passes.</param>
public sealed record ChartVersionCheck(string Chart, string? BaseVersion, string Version, string? Problem);
