namespace Cake.Release.Metrics;

/// <summary>Delivery metrics per service and environment over a window, with each environment's total.</summary>
/// <param name="Window">The period.</param>
/// <param name="Production">The environment the DORA keys are read in (the end of the promotion chain, or <c>--env</c>).</param>
/// <param name="Environments">The environments, in promotion-chain order.</param>
/// <param name="Services">The services, in release.yaml order.</param>
/// <param name="Figures">One per service and environment, environments first, in the orders above.</param>
/// <param name="Totals">One per environment: its services together.</param>
/// <param name="Events">The changes in the window, oldest first: what the charts draw.</param>
public sealed record DeliveryReport(
    MetricsWindow Window,
    string Production,
    IReadOnlyList<string> Environments,
    IReadOnlyList<string> Services,
    IReadOnlyList<DeliveryFigures> Figures,
    IReadOnlyList<DeliveryFigures> Totals,
    IReadOnlyList<DeploymentEvent> Events)
{
    /// <summary>Where the report was written (JSON, HTML), once it was.</summary>
    public string? OutputFile { get; init; }

    /// <summary>Whether any change happened in the window.</summary>
    public bool IsEmpty => Events.Count == 0;

    /// <summary>The production environment's total: the four keys.</summary>
    public DeliveryFigures ProductionTotal => Total(Production);

    /// <summary>The figures of a service in an environment.</summary>
    /// <param name="service">A service of the report.</param>
    /// <param name="environment">An environment of the report.</param>
    public DeliveryFigures Of(string service, string environment) =>
        Figures.FirstOrDefault(f => f.Service == service && f.Environment == environment)
        ?? throw new ArgumentException($"the report has no {service} in {environment}", nameof(service));

    /// <summary>An environment's total over the services reported.</summary>
    /// <param name="environment">An environment of the report.</param>
    public DeliveryFigures Total(string environment) =>
        Totals.FirstOrDefault(f => f.Environment == environment)
        ?? throw new ArgumentException($"the report has no environment {environment}", nameof(environment));
}
