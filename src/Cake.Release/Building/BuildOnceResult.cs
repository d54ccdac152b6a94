namespace Cake.Release.Building;

/// <summary>What <see cref="BuildAliases.BuildOnce"/> built or found, one entry per service, in the order asked.</summary>
/// <param name="Builds">One entry per service.</param>
/// <param name="DryRun">True when nothing was built or pushed: entries with <see cref="ServiceBuild.Built"/> would have been built.</param>
public sealed record BuildOnceResult(IReadOnlyList<ServiceBuild> Builds, bool DryRun = false)
{
    /// <summary>The chart-only services (<c>image: false</c>) among those asked: nothing is built for them, and DeployDev records their chart version instead.</summary>
    public IReadOnlyList<string> Charts { get; init; } = [];

    /// <summary>The commit the services were built (or the charts read) at; null when there was nothing to do.</summary>
    public string? Commit { get; init; }
}
