namespace Cake.Release.Metrics;

/// <summary>
/// Computes the DORA keys from deployment events. Pure: the events are read by an <see cref="IDeploymentEvents"/>.
/// </summary>
/// <remarks>
/// Per service and environment, the events are taken in the order they happened (by deployed time; equal times keep
/// the order given, which is the manifest history's). A deployment is a deploy, promotion or hotfix deployed in the
/// window; a rollback is not one, it restores one. A deployment <em>fails</em> when the next change of that service
/// in that environment before the window's end is a rollback or a hotfix, and its time to restore runs from its
/// deployed time to that change's. Lead time runs from the release's first commit to the deployment. Nothing after
/// the window's end counts, so the report of a past window never changes.
/// </remarks>
public static class DeliveryMetrics
{
    /// <summary>The figures of every service in <paramref name="services"/> and environment in <paramref name="environments"/>, with totals.</summary>
    /// <param name="events">The changes, any order across services and environments; others than those asked are ignored.</param>
    /// <param name="window">The period.</param>
    /// <param name="environments">The environments to report, in the order to show them.</param>
    /// <param name="services">The services to report, in the order to show them.</param>
    /// <param name="production">The environment of the headline figures; one of <paramref name="environments"/>.</param>
    public static DeliveryReport Compute(IEnumerable<DeploymentEvent> events, MetricsWindow window, IReadOnlyList<string> environments, IReadOnlyList<string> services, string production)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(environments);
        ArgumentNullException.ThrowIfNull(services);
        if (!environments.Contains(production, StringComparer.Ordinal))
        {
            throw new ArgumentException($"{production} is not one of the environments reported ({string.Join(", ", environments)})", nameof(production));
        }

        if (window.Until <= window.Since)
        {
            throw new ArgumentException($"the window {window} is empty", nameof(window));
        }

        var wanted = events
            .Where(e => e.Deployed < window.Until && environments.Contains(e.Environment, StringComparer.Ordinal) && services.Contains(e.Service, StringComparer.Ordinal))
            .ToList();
        var figures = new List<DeliveryFigures>();
        var totals = new List<DeliveryFigures>();
        foreach (var environment in environments)
        {
            var ofEnvironment = new List<DeliveryFigures>();
            foreach (var service in services)
            {
                // OrderBy is stable: changes deployed in the same second keep the history's order.
                var history = wanted.Where(e => e.Environment == environment && e.Service == service).OrderBy(e => e.Deployed).ToList();
                ofEnvironment.Add(Figures(service, environment, history, window));
            }

            figures.AddRange(ofEnvironment);
            totals.Add(new DeliveryFigures(
                null,
                environment,
                ofEnvironment.Sum(f => f.Deployments),
                ofEnvironment.Sum(f => f.Deployments) / window.Days,
                ofEnvironment.SelectMany(f => f.LeadTimes).ToList(),
                ofEnvironment.Sum(f => f.Failures),
                ofEnvironment.SelectMany(f => f.Restores).ToList(),
                ofEnvironment.Sum(f => f.Rollbacks),
                ofEnvironment.Sum(f => f.Hotfixes)));
        }

        var inWindow = wanted.Where(e => window.Contains(e.Deployed)).OrderBy(e => e.Deployed).ToList();
        return new DeliveryReport(window, production, environments, services, figures, totals, inWindow);
    }

    private static DeliveryFigures Figures(string service, string environment, IReadOnlyList<DeploymentEvent> history, MetricsWindow window)
    {
        var (deployments, failures, rollbacks, hotfixes) = (0, 0, 0, 0);
        var leadTimes = new List<TimeSpan>();
        var restores = new List<TimeSpan>();
        for (var i = 0; i < history.Count; i++)
        {
            var change = history[i];
            if (!window.Contains(change.Deployed))
            {
                continue;
            }

            if (!change.IsDeployment)
            {
                rollbacks++;
                continue;
            }

            deployments++;
            hotfixes += change.Kind == DeploymentKind.Hotfix ? 1 : 0;
            if (change.FirstCommitAt is { } first)
            {
                // A commit dated after its deployment (a skewed clock) is a lead time of zero, not a negative one.
                leadTimes.Add(change.Deployed > first ? change.Deployed - first : TimeSpan.Zero);
            }

            // The next change decides, even when the deployment came late in the window and the change just before its end.
            if (i + 1 < history.Count && history[i + 1].Kind is DeploymentKind.Rollback or DeploymentKind.Hotfix)
            {
                failures++;
                restores.Add(history[i + 1].Deployed - change.Deployed);
            }
        }

        return new DeliveryFigures(service, environment, deployments, deployments / window.Days, leadTimes, failures, restores, rollbacks, hotfixes);
    }
}
