namespace Cake.Release.Metrics;

/// <summary>The delivery metrics of one service (or of all, <see cref="Service"/> null) in one environment over a window.</summary>
/// <param name="Service">The service, or null for the environment's total over the services reported.</param>
/// <param name="Environment">The environment.</param>
/// <param name="Deployments">Deploys, promotions and hotfixes deployed in the window (rollbacks are not deployments).</param>
/// <param name="PerDay">Deployments divided by the window's length in days.</param>
/// <param name="LeadTimes">For each deployment whose first commit is known: its deployed time minus that commit's time, oldest deployment first.</param>
/// <param name="Failures">Deployments whose next change to the service in the environment is a rollback or a hotfix.</param>
/// <param name="Restores">For each failure: the next change's deployed time minus the failed deployment's.</param>
/// <param name="Rollbacks">Rollbacks in the window.</param>
/// <param name="Hotfixes">Hotfix deployments in the window (also counted in <paramref name="Deployments"/>).</param>
public sealed record DeliveryFigures(
    string? Service,
    string Environment,
    int Deployments,
    double PerDay,
    IReadOnlyList<TimeSpan> LeadTimes,
    int Failures,
    IReadOnlyList<TimeSpan> Restores,
    int Rollbacks,
    int Hotfixes)
{
    /// <summary>Deployments per 7 days.</summary>
    public double PerWeek => PerDay * 7;

    /// <summary>The median lead time; null without one.</summary>
    public TimeSpan? LeadTimeMedian => DurationStatistics.Median(LeadTimes);

    /// <summary>The 90th percentile lead time (nearest rank); null without one.</summary>
    public TimeSpan? LeadTimeP90 => DurationStatistics.Percentile(LeadTimes, 90);

    /// <summary>Failures divided by deployments, 0 to 1; null without a deployment.</summary>
    public double? ChangeFailureRate => Deployments == 0 ? null : (double)Failures / Deployments;

    /// <summary>The median time to restore; null without a failure.</summary>
    public TimeSpan? TimeToRestoreMedian => DurationStatistics.Median(Restores);
}
