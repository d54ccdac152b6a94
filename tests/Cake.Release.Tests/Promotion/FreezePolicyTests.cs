using Cake.Release.Config;
using Cake.Release.GitOps;
using Cake.Release.Manifests;
using Cake.Release.Promotion;
using Cake.Release.Versioning;

namespace Cake.Release.Tests.Promotion;

/// <summary>The freeze and soak gates as pure policy: windows in force refuse, break-glass lets through and is recorded, a warned soak passes.</summary>
public sealed class FreezePolicyTests
{
    private const string Digest = "sha256:3f2c1a0b9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a";
    private const string Commit = "3f2c1a0b9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a";

    // Saturday 2026-12-05 12:00 UTC is 08:30 in St. John's (UTC-3:30), inside its weekend window.
    private static readonly DateTimeOffset Saturday = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo StJohns = TimeZoneInfo.FindSystemTimeZoneById("America/St_Johns");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static readonly RecurringChangeWindow Weekend = new()
    {
        Start = CronSchedule.TryParse("0 18 * * FRI", out _)!,
        End = CronSchedule.TryParse("0 6 * * MON", out _)!,
        TimeZone = StJohns,
        Reason = "weekend",
    };

    private static readonly DatedChangeWindow YearEnd = new() { From = new DateTime(2026, 12, 23), Until = new DateTime(2027, 1, 5, 8, 0, 0), TimeZone = Berlin, Reason = "year-end freeze" };

    private static EnvironmentConfig Production(SoakPolicy soak = SoakPolicy.Block) =>
        new() { Name = "production", Branch = "p", From = "staging", Approvals = 1, Soak = TimeSpan.FromHours(24), SoakPolicy = soak, Freeze = [Weekend, YearEnd] };

    private static PromotionPlan Evaluate(DateTimeOffset now, string? breakGlass = null, string[]? approvers = null, DateTimeOffset? deployed = null, SoakPolicy soak = SoakPolicy.Block, ManifestEntry? target = null)
    {
        var production = Production(soak);
        var config = new ReleaseConfig
        {
            File = "release.yaml",
            RepositoryRoot = "/repo",
            Environments = [new EnvironmentConfig { Name = "dev", Branch = "d", Auto = true }, new EnvironmentConfig { Name = "staging", Branch = "s", From = "dev" }, production],
            Services = [new ServiceConfig { Name = "blue", Path = "projects/blue", Image = "blue" }],
        };
        var request = new PromotionRequest("blue", "production", null, null, null, "alice", approvers ?? ["bob"]) { BreakGlass = breakGlass };
        var source = new ManifestEntry("1.6.0-rc.2", "registry.example.com/acme/blue", Digest, Commit, deployed ?? now.AddDays(-2));
        return PromotionPolicy.Evaluate(request, new PromotionFacts
        {
            Config = config,
            Source = source,
            Target = target,
            Version = PromotionVersion.Choose(request, production, source, [], ChangeLevel.None, false),
            Registry = new RegistryFacts(true, null),
            ReleaseBranch = ReleaseBranchState.Absent,
            Now = now,
        });
    }

    [Fact]
    public void A_promotion_in_a_window_is_refused_with_the_window_its_end_and_the_fix_and_every_other_check_still_reported()
    {
        var plan = Evaluate(Saturday, approvers: []);

        Assert.False(plan.Allowed);
        Assert.Equal(["freeze", "approvals"], plan.Failed.Select(c => c.Name));
        Assert.Equal(9, plan.Checks.Count);
        Assert.Equal(
            "[FAIL] freeze: production is in a change window: \"weekend\" (from \"0 18 * * FRI\" to \"0 6 * * MON\" America/St_Johns) until 2026-12-07 06:00 America/St_Johns (2026-12-07T09:30:00Z); promote after 2026-12-07T09:30:00Z, or, if it cannot wait, pass --break-glass=\"<reason>\" (recorded in the manifest commit and the notification)",
            plan.Failed[0].ToString());
        Assert.Empty(plan.Waivers);
    }

    [Fact]
    public void Break_glass_lets_it_through_saying_why_and_the_reason_is_a_waiver_to_record()
    {
        var plan = Evaluate(Saturday, breakGlass: "INC-4711 payments fail");

        Assert.True(plan.Allowed, string.Join("\n", plan.Checks));
        var freeze = plan.Checks.Single(c => c.Name == "freeze");
        Assert.True(freeze.Warned);
        Assert.StartsWith("[warn] freeze: production is in a change window: \"weekend\"", freeze.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("; let through by --break-glass: INC-4711 payments fail", freeze.Reason, StringComparison.Ordinal);
        Assert.Equal([new Waiver("Break-Glass", "INC-4711 payments fail")], plan.Waivers);
    }

    [Fact]
    public void Break_glass_does_not_pass_any_other_gate()
    {
        var plan = Evaluate(Saturday, breakGlass: "INC-4711", approvers: [], deployed: Saturday.AddHours(-1));

        Assert.Equal(["soak", "approvals"], plan.Failed.Select(c => c.Name));
    }

    [Theory]
    [InlineData("2026-12-04T21:29:00Z", true)] // Friday 17:59 in St. John's
    [InlineData("2026-12-04T21:30:00Z", false)] // Friday 18:00 there: the window's start is in it
    [InlineData("2026-12-07T09:29:00Z", false)] // Monday 05:59
    [InlineData("2026-12-07T09:30:00Z", true)] // Monday 06:00: the end is out of it
    [InlineData("2026-12-22T22:59:00Z", true)] // the year-end window opens at midnight in Berlin, on a Wednesday
    [InlineData("2026-12-22T23:00:00Z", false)]
    [InlineData("2027-01-05T06:59:00Z", false)] // and closes at 08:00 there, on a Tuesday
    [InlineData("2027-01-05T07:00:00Z", true)]
    public void The_boundaries_are_exact(string at, bool allowed)
    {
        var plan = Evaluate(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(allowed, plan.Allowed);
    }

    [Fact]
    public void Two_windows_in_force_are_both_named_and_the_later_end_is_when_to_come_back()
    {
        // Saturday 2026-12-26: the weekend in St. John's and the year-end freeze in Berlin.
        var freeze = Evaluate(new DateTimeOffset(2026, 12, 26, 12, 0, 0, TimeSpan.Zero)).Failed.Single();

        Assert.Contains("\"weekend\" (from \"0 18 * * FRI\" to \"0 6 * * MON\" America/St_Johns) until 2026-12-28 06:00 America/St_Johns (2026-12-28T09:30:00Z); and \"year-end freeze\" (2026-12-23 00:00 → 2027-01-05 08:00 Europe/Berlin) until 2027-01-05 08:00 Europe/Berlin (2027-01-05T07:00:00Z)", freeze.Reason);
        Assert.Contains("promote after 2027-01-05T07:00:00Z", freeze.Reason);
    }

    [Fact]
    public void Outside_every_window_the_check_passes_and_break_glass_records_nothing()
    {
        var tuesday = new DateTimeOffset(2026, 12, 8, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal("[pass] freeze: no change window in force (of 2 declared for production)", Evaluate(tuesday).Checks.Single(c => c.Name == "freeze").ToString());
        var glass = Evaluate(tuesday, breakGlass: "just in case");
        Assert.Equal("no change window in force (of 2 declared for production); --break-glass is not needed, and nothing is recorded for it", glass.Checks.Single(c => c.Name == "freeze").Reason);
        Assert.Empty(glass.Waivers);
    }

    [Fact]
    public void A_re_run_of_a_release_the_environment_already_runs_is_not_held_by_the_window()
    {
        var running = new ManifestEntry("1.6.0", "registry.example.com/acme/blue", Digest, Commit, Saturday.AddDays(-1));

        var plan = Evaluate(Saturday, target: running);

        Assert.True(plan.AlreadyDone);
        Assert.Contains("production already runs this release, so completing an earlier run changes nothing there", plan.Checks.Single(c => c.Name == "freeze").Reason);
    }

    [Fact]
    public void A_chart_promotion_is_held_by_the_window_too()
    {
        var production = Production();
        var config = new ReleaseConfig
        {
            File = "release.yaml",
            RepositoryRoot = "/repo",
            Environments = [new EnvironmentConfig { Name = "dev", Branch = "d", Auto = true }, new EnvironmentConfig { Name = "staging", Branch = "s", From = "dev" }, production],
            Services = [new ServiceConfig { Name = "payments", Path = "charts/payments", Image = "payments", ChartOnly = true, Chart = "charts/payments" }],
        };
        var request = new PromotionRequest("payments", "production", null, null, null, "alice", ["bob"]);
        var facts = new PromotionFacts
        {
            Config = config,
            Source = new ManifestEntry("0.4.0", null, null, Commit, Saturday.AddDays(-2)),
            ReleaseTags = [new ReleaseTag("payments/chart-0.4.0", new NuGet.Versioning.SemanticVersion(0, 4, 0), Commit)],
            Version = new VersionChoice(new NuGet.Versioning.SemanticVersion(0, 4, 0), "the chart version staging runs"),
            Registry = new RegistryFacts(null, null),
            Now = Saturday,
        };

        var plan = PromotionPolicy.Evaluate(request, facts);

        Assert.Equal(["path", "freeze", "source", "chart", "soak", "approvals", "version", "immutable"], plan.Checks.Select(c => c.Name));
        Assert.Equal(["freeze"], plan.Failed.Select(c => c.Name));
        Assert.True(PromotionPolicy.Evaluate(request with { BreakGlass = "INC-1" }, facts).Allowed);
    }

    [Fact]
    public void A_short_soak_under_warn_passes_with_a_warning_and_a_waiver()
    {
        var tuesday = new DateTimeOffset(2026, 12, 8, 12, 0, 0, TimeSpan.Zero);

        var plan = Evaluate(tuesday, deployed: tuesday.AddHours(-3), soak: SoakPolicy.Warn);

        Assert.True(plan.Allowed, string.Join("\n", plan.Checks));
        Assert.Equal("[warn] soak: ran 3h in staging of the 1d production asks; let through early (soakPolicy: warn), and recorded as a short soak", plan.Checks.Single(c => c.Name == "soak").ToString());
        Assert.Equal([new Waiver("Short-Soak", "ran 3h in staging of the 1d production asks")], plan.Waivers);
        Assert.Equal(["soak"], Evaluate(tuesday, deployed: tuesday.AddHours(-3)).Failed.Select(c => c.Name));
        Assert.Empty(Evaluate(tuesday, deployed: tuesday.AddHours(-25), soak: SoakPolicy.Warn).Waivers);
    }
}
