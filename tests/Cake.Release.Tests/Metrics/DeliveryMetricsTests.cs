using Cake.Release.Metrics;

namespace Cake.Release.Tests.Metrics;

/// <summary>
/// The calculator on hand-made histories, each expected figure worked out by hand in the comments. The window is
/// November 2026: 2026-11-01T00:00Z ≤ deployed &lt; 2026-12-01T00:00Z, 30 days.
/// </summary>
public sealed class DeliveryMetricsTests
{
    private static readonly MetricsWindow November = new(At("2026-11-01T00:00"), At("2026-12-01T00:00"));
    private static readonly string[] Chain = ["dev", "staging", "production"];

    private static DateTimeOffset At(string time) => DateTimeOffset.Parse(time + "Z", System.Globalization.CultureInfo.InvariantCulture);

    private static DeploymentEvent Change(string service, string environment, string version, string deployed, DeploymentKind kind, string? firstCommit = null) =>
        new(service, environment, version, $"sha256:{version}", $"commit-{version}", At(deployed), kind, firstCommit is null ? null : At(firstCommit));

    // blue in production: 1.0.0 before the window; 1.1.0 rolled back; 1.1.1 fixed by the hotfix 1.1.2; 1.2.0 after it.
    // green in production: 2.0.0 late in the window, rolled back only after it ends.
    // yellow: deployed to dev only, its first commit unknown; never in production.
    private static readonly DeploymentEvent[] Shop =
    [
        Change("blue", "production", "1.0.0", "2026-10-20T10:00", DeploymentKind.Promote, "2026-10-18T10:00"),
        Change("blue", "production", "1.1.0", "2026-11-03T10:00", DeploymentKind.Promote, "2026-11-01T10:00"),
        Change("blue", "production", "1.0.0", "2026-11-03T12:00", DeploymentKind.Rollback),
        Change("blue", "production", "1.1.1", "2026-11-10T10:00", DeploymentKind.Promote, "2026-11-09T10:00"),
        Change("blue", "production", "1.1.2", "2026-11-10T16:00", DeploymentKind.Hotfix, "2026-11-10T12:00"),
        Change("blue", "production", "1.2.0", "2026-12-02T10:00", DeploymentKind.Promote, "2026-12-01T10:00"),
        Change("green", "production", "2.0.0", "2026-11-29T00:00", DeploymentKind.Promote, "2026-11-28T00:00"),
        Change("green", "production", "1.9.0", "2026-12-01T01:00", DeploymentKind.Rollback),
        Change("yellow", "dev", "sha-1", "2026-11-05T09:00", DeploymentKind.Deploy),
    ];

    private static DeliveryReport ShopReport() => DeliveryMetrics.Compute(Shop, November, Chain, ["blue", "green", "yellow"], "production");

    [Fact]
    public void A_rollback_and_a_hotfix_each_fail_the_deployment_before_them()
    {
        var blue = ShopReport().Of("blue", "production");

        // In the window: 1.1.0, 1.1.1 and 1.1.2 are deployments (the rollback is not one; 1.0.0 and 1.2.0 are outside).
        Assert.Equal(3, blue.Deployments);
        // 3 deployments / 30 days = 0.1 a day, 0.7 a week.
        Assert.Equal(0.1, blue.PerDay, 10);
        Assert.Equal(0.7, blue.PerWeek, 10);
        // Lead times: 1.1.0 11-01T10 → 11-03T10 = 2d; 1.1.1 11-09T10 → 11-10T10 = 1d; 1.1.2 11-10T12 → 16 = 4h.
        Assert.Equal([TimeSpan.FromDays(2), TimeSpan.FromDays(1), TimeSpan.FromHours(4)], blue.LeadTimes);
        // Sorted 4h, 1d, 2d: the median is 1d; p90 is the ⌈0.9 · 3⌉ = 3rd, 2d.
        Assert.Equal(TimeSpan.FromDays(1), blue.LeadTimeMedian);
        Assert.Equal(TimeSpan.FromDays(2), blue.LeadTimeP90);
        // 1.1.0 is followed by the rollback, 1.1.1 by the hotfix 1.1.2: 2 failures of 3; 1.1.2 is followed by 1.2.0,
        // after the window, which does not count (and would be a promotion anyway).
        Assert.Equal(2, blue.Failures);
        Assert.Equal(2.0 / 3, blue.ChangeFailureRate!.Value, 10);
        // Restores: 11-03T10 → 12 = 2h; 11-10T10 → 16 = 6h; the median of two is their mean, 4h.
        Assert.Equal([TimeSpan.FromHours(2), TimeSpan.FromHours(6)], blue.Restores);
        Assert.Equal(TimeSpan.FromHours(4), blue.TimeToRestoreMedian);
        Assert.Equal((1, 1), (blue.Rollbacks, blue.Hotfixes));
    }

    [Fact]
    public void A_rollback_after_the_window_does_not_fail_a_deployment_in_it()
    {
        var green = ShopReport().Of("green", "production");

        // 2.0.0 on 11-29 is in the window; its rollback on 12-01T01:00 is not, so the report of November stays as it was.
        Assert.Equal((1, 0, 0.0), (green.Deployments, green.Failures, green.ChangeFailureRate));
        // Lead time 11-28 → 11-29 = 1d.
        Assert.Equal(TimeSpan.FromDays(1), green.LeadTimeMedian);
        Assert.Null(green.TimeToRestoreMedian);
        Assert.Equal(0, green.Rollbacks);
    }

    [Fact]
    public void A_service_never_in_production_has_no_rates_there_and_counts_where_it_ran()
    {
        var report = ShopReport();

        var production = report.Of("yellow", "production");
        Assert.Equal(0, production.Deployments);
        Assert.Equal(0, production.PerDay);
        Assert.Null(production.ChangeFailureRate);
        Assert.Null(production.LeadTimeMedian);
        Assert.Null(production.LeadTimeP90);
        Assert.Null(production.TimeToRestoreMedian);

        // In dev: one deployment, no next change (so not failed: 0 of 1), no first commit known (so no lead time).
        var dev = report.Of("yellow", "dev");
        Assert.Equal((1, 0.0), (dev.Deployments, dev.ChangeFailureRate));
        Assert.Empty(dev.LeadTimes);
    }

    [Fact]
    public void The_production_total_pools_every_service()
    {
        var total = ShopReport().ProductionTotal;

        // blue 3 + green 1 + yellow 0 = 4 deployments; 4 / 30 · 7 = 0.9333… a week.
        Assert.Equal(4, total.Deployments);
        Assert.Equal(4.0 / 30 * 7, total.PerWeek, 10);
        // Lead times 2d, 1d, 4h (blue) and 1d (green): sorted 4h, 1d, 1d, 2d; median (1d + 1d) / 2 = 1d; p90 the 4th, 2d.
        Assert.Equal(TimeSpan.FromDays(1), total.LeadTimeMedian);
        Assert.Equal(TimeSpan.FromDays(2), total.LeadTimeP90);
        // Failures: blue's 2 of 4 = 0.5; restores 2h and 6h, median 4h.
        Assert.Equal((2, 0.5), (total.Failures, total.ChangeFailureRate));
        Assert.Equal(TimeSpan.FromHours(4), total.TimeToRestoreMedian);
        Assert.Null(total.Service);
    }

    [Fact]
    public void Only_changes_in_the_window_are_drawn_and_rows_follow_the_given_orders()
    {
        var report = ShopReport();

        // In the window: blue's 1.1.0, rollback, 1.1.1, 1.1.2; green's 2.0.0; yellow's sha-1: six, oldest first.
        Assert.Equal(["1.1.0", "1.0.0", "sha-1", "1.1.1", "1.1.2", "2.0.0"], report.Events.Select(e => e.Version));
        Assert.Equal(
            ["blue@dev", "green@dev", "yellow@dev", "blue@staging", "green@staging", "yellow@staging", "blue@production", "green@production", "yellow@production"],
            report.Figures.Select(f => $"{f.Service}@{f.Environment}"));
        Assert.Equal(Chain, report.Totals.Select(t => t.Environment));
        Assert.False(report.IsEmpty);
    }

    [Fact]
    public void Another_layout_names_its_own_environments_and_production()
    {
        // qa → prod. api: qa on 11-02; prod 1.0.0 on 11-04 (first commit 11-01: 3d), prod 1.1.0 on 11-06 (first commit
        // 11-05T12: 12h), rolled back 30 minutes later. A staging event belongs to no environment of this layout.
        DeploymentEvent[] events =
        [
            Change("api", "qa", "sha-a", "2026-11-02T00:00", DeploymentKind.Deploy, "2026-11-01T00:00"),
            Change("api", "prod", "1.0.0", "2026-11-04T00:00", DeploymentKind.Promote, "2026-11-01T00:00"),
            Change("api", "prod", "1.1.0", "2026-11-06T00:00", DeploymentKind.Promote, "2026-11-05T12:00"),
            Change("api", "prod", "1.0.0", "2026-11-06T00:30", DeploymentKind.Rollback),
            Change("api", "staging", "1.1.0", "2026-11-05T00:00", DeploymentKind.Promote, "2026-11-05T12:00"),
        ];

        var report = DeliveryMetrics.Compute(events, November, ["qa", "prod"], ["api"], "prod");

        var prod = report.ProductionTotal;
        Assert.Equal("prod", prod.Environment);
        // 2 deployments, 1 failed (1.1.0, by the rollback): 0.5; restore 30m.
        Assert.Equal((2, 1, 0.5), (prod.Deployments, prod.Failures, prod.ChangeFailureRate));
        Assert.Equal(TimeSpan.FromMinutes(30), prod.TimeToRestoreMedian);
        // Lead times 3d and 12h: median (3d + 12h) / 2 = 1d18h; p90 the ⌈1.8⌉ = 2nd of 2, 3d.
        Assert.Equal(TimeSpan.FromHours(42), prod.LeadTimeMedian);
        Assert.Equal(TimeSpan.FromDays(3), prod.LeadTimeP90);
        // qa: one deployment, lead time 1d, nothing after it.
        var qa = report.Of("api", "qa");
        Assert.Equal((1, 0, TimeSpan.FromDays(1)), (qa.Deployments, qa.Failures, qa.LeadTimeMedian));
        Assert.DoesNotContain(report.Events, e => e.Environment == "staging");
    }

    [Fact]
    public void No_change_in_the_window_is_an_empty_report_not_an_error()
    {
        var report = DeliveryMetrics.Compute([], November, Chain, ["blue"], "production");

        Assert.True(report.IsEmpty);
        Assert.Equal(0, report.ProductionTotal.Deployments);
        Assert.Null(report.ProductionTotal.ChangeFailureRate);
        Assert.Contains("No deployments in the window 2026-11-01 → 2026-12-01 (30d)", MetricsTable.Render(report));
    }

    [Fact]
    public void A_production_environment_outside_the_layout_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => DeliveryMetrics.Compute(Shop, November, ["qa", "prod"], ["blue"], "production"));

        Assert.Contains("production is not one of the environments reported (qa, prod)", error.Message);
    }
}
