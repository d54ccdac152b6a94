namespace Cake.Release.Building;

/// <summary>What <see cref="BuildAliases.BuildOnce"/> built or found, one entry per service, in the order asked.</summary>
/// <param name="Builds">One entry per service.</param>
/// <param name="DryRun">True when nothing was built or pushed: entries with <see cref="ServiceBuild.Built"/> would have been built.</param>
public sealed record BuildOnceResult(IReadOnlyList<ServiceBuild> Builds, bool DryRun = false);
