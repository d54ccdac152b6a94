namespace Cake.Release.Metrics;

/// <summary>
/// Where delivery metrics read deployments from: the GitOps branches' manifest history (<see cref="GitDeploymentEvents"/>),
/// or any store that records the same changes (a release table).
/// </summary>
public interface IDeploymentEvents
{
    /// <summary>
    /// Every change of every service in <paramref name="environments"/> up to <see cref="MetricsWindow.Until"/>, oldest first
    /// per service and environment. Changes before the window are needed too (a release's previous one bounds its
    /// first commit); a source may leave <see cref="DeploymentEvent.FirstCommitAt"/> unset outside the window.
    /// </summary>
    /// <param name="environments">The environments to read.</param>
    /// <param name="window">The period reported.</param>
    IReadOnlyList<DeploymentEvent> Read(IReadOnlyList<string> environments, MetricsWindow window);
}
