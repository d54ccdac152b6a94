using System.Text.Json;
using Cake.Release.Promotion;
using Cake.Release.Session;
using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Promotion;

/// <summary>
/// Change windows on the real pipeline: a bare origin, a docker-registry on 127.0.0.1 and a webhook receiver. A frozen
/// production refuses with nothing changed, <c>--break-glass</c> lets a promotion through and lands in the manifest
/// commit and the notification, Rollback goes through a freeze, and the session's clock decides.
/// </summary>
public sealed class FreezePromotionTests : IDisposable
{
    // Always in force, so the pipeline's real clock is inside it; the clock-driven cases use the alias below.
    private const string AlwaysFrozen = "    freeze:\n      - {from: \"2000-01-01\", until: \"2099-01-01T06:00\", timeZone: America/St_Johns, reason: year-end freeze}\n";
    private const string Weekend = "    freeze:\n      - {start: \"0 18 * * FRI\", end: \"0 6 * * MON\", timeZone: America/St_Johns, reason: weekend}\n";
    private const string Hook = "hook/freeze-token";

    private readonly WebhookReceiver _receiver = new();
    private PromotionWorld? _world;

    private PromotionWorld World => _world!;

    public void Dispose()
    {
        _world?.Dispose();
        _receiver.Dispose();
    }

    private void Open(string production, bool notify = true) => _world = new PromotionWorld(yaml => yaml.Replace("    approvals: 2\n",
        "    approvals: 2\n" + production + (notify ? "    notify:\n      - webhook: ${HOOK_URL}\n" : ""), StringComparison.Ordinal));

    private Dictionary<string, string> Variables(string? breakGlass = null)
    {
        var variables = new Dictionary<string, string> { ["HOOK_URL"] = _receiver.Url(Hook) };
        if (breakGlass is not null)
        {
            variables["RELEASE_BREAK_GLASS"] = breakGlass;
        }

        return variables;
    }

    private void InStaging(string version = "1.6.0", int imageSize = 32)
    {
        World.SeedDev(imageSize: imageSize);
        var staging = World.Run("--target=PromoteStaging", "--service=blue", $"--version={version}");
        Assert.True(staging.ExitCode == 0, staging.ToString());
    }

    private string Trailers(string key) =>
        GitRemote.Git(World.Remote.Bare, "log", "-1", $"--format=%(trailers:key={key},valueonly)", "gitops/production-releases").Trim();

    [Fact]
    public void A_frozen_environment_refuses_with_every_check_reported_and_nothing_changed()
    {
        Open(AlwaysFrozen);
        InStaging();
        var before = World.State();

        var result = World.Run(Variables(), "--target=PromoteProduction", "--service=blue", "--by=alice", "--approver=bob");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("[FAIL] freeze: production is in a change window: \"year-end freeze\" (2000-01-01 00:00 → 2099-01-01 06:00 America/St_Johns) until 2099-01-01 06:00 America/St_Johns (2099-01-01T09:30:00Z); promote after 2099-01-01T09:30:00Z, or, if it cannot wait, pass --break-glass=\"<reason>\"", result.Output);
        Assert.Contains("[FAIL] approvals: production needs 2 distinct approver(s) other than alice, got 1 (bob)", result.Output);
        Assert.Contains("[pass] digest:", result.Output);
        Assert.Equal(before, World.State());
        Assert.Null(World.TagDigest("blue", "1.6.0"));
        Assert.Null(World.TagDigest("blue", "prd"));
        Assert.Empty(_receiver.Received);
    }

    [Fact]
    public void Break_glass_lets_the_promotion_through_and_records_the_reason_in_the_commit_and_the_notification()
    {
        Open(AlwaysFrozen);
        InStaging();

        var result = World.Run(Variables(), "--target=PromoteProduction", "--service=blue", "--by=alice", "--approver=bob", "--approver=carol", "--break-glass=INC-4711: payments fail in production");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("[warn] freeze: production is in a change window: \"year-end freeze\"", result.All);
        Assert.Contains("let through by --break-glass: INC-4711: payments fail in production", result.All);
        Assert.Equal("1.6.0", World.Manifest("production")!.Entry("blue")!.Version);
        Assert.Equal("INC-4711: payments fail in production", Trailers("Break-Glass"));
        Assert.Equal(["bob (unverified)", "carol (unverified)"], Trailers("Approved-by").Split('\n'));
        var delivery = Assert.Single(_receiver.Received, r => r.Path == Hook);
        using var body = JsonDocument.Parse(delivery.Body);
        Assert.Equal("INC-4711: payments fail in production", body.RootElement.GetProperty("waivers").GetProperty("Break-Glass").GetString());
        Assert.False(body.RootElement.GetProperty("approversVerified").GetBoolean());
        Assert.Equal(["bob", "carol"], body.RootElement.GetProperty("approvers").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public void Break_glass_is_read_from_RELEASE_BREAK_GLASS_too()
    {
        Open(AlwaysFrozen);
        InStaging();

        var result = World.Run(Variables(breakGlass: "hotfix for CVE-2026-1234"), "--target=PromoteProduction", "--service=blue", "--by=alice", "--approver=bob", "--approver=carol");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("hotfix for CVE-2026-1234", Trailers("Break-Glass"));
    }

    [Theory]
    [InlineData("--break-glass=")]
    [InlineData("--break-glass=   ")]
    [InlineData("--break-glass")]
    public void An_empty_break_glass_is_refused_with_nothing_changed(string argument)
    {
        Open(AlwaysFrozen);
        InStaging();
        var before = World.State();

        var result = World.Run(Variables(), "--target=PromoteProduction", "--service=blue", "--by=alice", "--approver=bob", "--approver=carol", argument);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--break-glass needs a reason, which the manifest commit and the notification record: pass e.g. --break-glass=\"INC-4711: payments fail in production\" (or set RELEASE_BREAK_GLASS).", result.All);
        Assert.Equal(before, World.State());
        Assert.Empty(_receiver.Received);
    }

    [Fact]
    public void Rollback_goes_through_a_freeze_since_recovery_is_what_a_freeze_must_allow()
    {
        Open(AlwaysFrozen);
        InStaging();
        Assert.Equal(0, World.Run(Variables(), "--target=PromoteProduction", "--service=blue", "--by=alice", "--approver=bob", "--approver=carol", "--break-glass=first release").ExitCode);
        InStaging("1.7.0", imageSize: 48);
        Assert.Equal(0, World.Run(Variables(), "--target=PromoteProduction", "--service=blue", "--by=alice", "--approver=bob", "--approver=carol", "--break-glass=second release").ExitCode);

        var rollback = World.Run(Variables(), "--target=Rollback", "--env=production", "--service=blue", "--by=alice");

        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        Assert.Equal("1.6.0", World.Manifest("production")!.Entry("blue")!.Version);
    }

    [Fact]
    public void The_session_s_clock_decides_whether_a_recurring_window_is_in_force()
    {
        Open(Weekend, notify: false);
        InStaging();
        var before = World.State();

        // Saturday 08:30 in St. John's: refused, nothing changed.
        var refused = Assert.Throws<PromotionRefusedException>(() => Promote(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero)));
        Assert.Contains("freeze", refused.Message);
        Assert.Equal(before, World.State());

        // Monday 06:00 there, the window's end: promoted.
        var result = Promote(new DateTimeOffset(2026, 12, 7, 9, 30, 0, TimeSpan.Zero));
        Assert.Equal("[pass] freeze: no change window in force (of 1 declared for production)", result.Plan.Checks.Single(c => c.Name == "freeze").ToString());
        Assert.Equal("1.6.0", World.Manifest("production")!.Entry("blue")!.Version);
        Assert.Equal("", Trailers("Break-Glass"));
    }

    private PromoteEnvResult Promote(DateTimeOffset now)
    {
        var context = TestCake.Context();
        ReleaseSession.Of(context).Clock = new FixedClock(now);
        var settings = new PromoteEnvSettings { Service = "blue", To = "production", By = "alice", ConfigFile = Path.Combine(World.Clone, "release.yaml") };
        settings.Approvers.Add("bob");
        settings.Approvers.Add("carol");
        return context.PromoteEnv(settings);
    }
}
