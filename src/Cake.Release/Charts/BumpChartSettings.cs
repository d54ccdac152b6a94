using Cake.Release.Versioning;

namespace Cake.Release.Charts;

/// <summary>Settings of <see cref="ChartAliases.BumpChart"/>.</summary>
public sealed class BumpChartSettings : ReleaseRequestSettings
{
}
