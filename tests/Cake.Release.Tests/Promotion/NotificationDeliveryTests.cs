using System.Diagnostics;
using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Promotion;

/// <summary>
/// Notifications are delivered at least once: a PromoteProduction killed anywhere between its last git effect and its
/// last delivery record is completed by the next run, which sends every target not yet recorded, and a run after
/// that sends nothing. The records are git notes on origin, read here with git's own notes command.
/// </summary>
public sealed class NotificationDeliveryTests : IDisposable
{
    private const string TeamsSecret = "teams-hook/0a1b2c3d-secret-token";
    private const string SlackSecret = "services/T000/B000/slack-secret-token";
    private const string NotesRef = "refs/notes/cake-release-notifications";
    private const string Teams = "teams ${TEAMS_WEBHOOK_URL}";
    private const string Slack = "slack ${SLACK_WEBHOOK_URL}";
    private static readonly string[] Promote = ["--target=PromoteProduction", "--service=blue", "--by=alice", "--approver=bob", "--approver=carol"];
    private readonly WebhookReceiver _receiver = new();
    private readonly PromotionWorld _world = new(yaml => yaml.Replace("    approvals: 2\n",
        "    approvals: 2\n    milestoneTag: \"release-prd-{date:yyyyMMdd}\"\n    notify:\n      - teams: ${TEAMS_WEBHOOK_URL}\n      - slack: ${SLACK_WEBHOOK_URL}\n", StringComparison.Ordinal));

    public void Dispose()
    {
        _world.Dispose();
        _receiver.Dispose();
    }

    [Theory]
    [InlineData("after-manifest-push")]
    [InlineData("after-milestone-tag")]
    [InlineData("during-teams-webhook")]
    [InlineData("before-teams-record")]
    [InlineData("during-slack-webhook")]
    [InlineData("after-slack-record")]
    public void A_promotion_killed_at_any_point_is_notified_by_the_next_run_and_never_again(string point)
    {
        _world.SeedDev();
        Assert.Equal(0, _world.Run("--target=PromoteStaging", "--service=blue", "--version=1.6.0").ExitCode);
        var reached = Arrange(point);

        using (var process = _world.Start(Secrets(), Promote))
        {
            var waited = Stopwatch.StartNew();
            while (!reached() && !process.HasExited && waited.Elapsed < TimeSpan.FromMinutes(2))
            {
                Thread.Sleep(50);
            }

            Assert.True(reached(), $"the pipeline never reached {point} (exited: {process.HasExited})");
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        Assert.Equal("1.6.0", _world.Manifest("production")!.Entry("blue")!.Version);
        var recorded = Recorded();
        var sent = (Count(TeamsSecret), Count(SlackSecret));

        var rerun = _world.Run(Secrets(), Promote);

        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.True(Count(TeamsSecret) >= 1 && Count(SlackSecret) >= 1, $"teams {Count(TeamsSecret)}, slack {Count(SlackSecret)}: {rerun}");
        Assert.Equal(recorded.Contains(Teams) ? sent.Item1 : sent.Item1 + 1, Count(TeamsSecret));
        Assert.Equal(recorded.Contains(Slack) ? sent.Item2 : sent.Item2 + 1, Count(SlackSecret));
        Assert.Equal([Slack, Teams], Recorded().Order(StringComparer.Ordinal));
        Assert.DoesNotContain("secret-token", Note(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token", rerun.All, StringComparison.Ordinal);

        var total = _receiver.Received.Count;
        var again = _world.Run(Secrets(), Promote);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("blue 1.6.0 is already in production; nothing to do.", again.Output);
        Assert.Equal(total, _receiver.Received.Count);
    }

    [Fact]
    public void A_webhook_that_failed_is_sent_by_the_next_run_and_the_one_that_answered_is_not()
    {
        _world.SeedDev();
        Assert.Equal(0, _world.Run("--target=PromoteStaging", "--service=blue", "--version=1.6.0").ExitCode);
        _receiver.Failing.Add(TeamsSecret);
        var first = _world.Run(Secrets(), Promote);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal([Slack], Recorded());

        // The team fixed the webhook in the CI secrets: same variable, a URL that answers.
        var fixedSecrets = Secrets();
        fixedSecrets["TEAMS_WEBHOOK_URL"] = _receiver.Url("teams-hook/fixed-secret-token");
        var dryRun = _world.Run(fixedSecrets, [.. Promote, "--dryrun"]);
        var rerun = _world.Run(fixedSecrets, Promote);

        Assert.True(dryRun.ExitCode == 0, dryRun.ToString());
        Assert.Contains("Dry run: would notify the teams webhook (${TEAMS_WEBHOOK_URL})", dryRun.Output);
        Assert.DoesNotContain("would notify the slack webhook", dryRun.Output);
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Single(_receiver.Received, r => r.Path == "teams-hook/fixed-secret-token");
        Assert.Single(_receiver.Received, r => r.Path == SlackSecret);
        Assert.Equal([Slack, Teams], Recorded().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_remote_that_refuses_the_delivery_record_warns_and_the_next_run_sends_again()
    {
        _world.SeedDev();
        Assert.Equal(0, _world.Run("--target=PromoteStaging", "--service=blue", "--version=1.6.0").ExitCode);
        _world.Hook($"while read old new ref; do if [ \"$ref\" = {NotesRef} ]; then echo 'notes are protected (test)'; exit 1; fi; done; exit 0");

        var first = _world.Run(Secrets(), Promote);
        var rerun = _world.Run(Secrets(), Promote);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains($"Could not record that the teams webhook (${{TEAMS_WEBHOOK_URL}}) was notified: origin refused the push to {NotesRef}:", first.All);
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Contains("blue 1.6.0 is already in production; sent the 2 notification(s) an earlier run had not delivered.", rerun.Output);
        Assert.Equal((2, 2), (Count(TeamsSecret), Count(SlackSecret)));
        Assert.DoesNotContain("secret-token", first.All + rerun.All, StringComparison.Ordinal);
    }

    // Sets the trap for one kill point; returns whether the pipeline has reached it.
    private Func<bool> Arrange(string point)
    {
        var marker = Path.Combine(_world.Remote.Folder, "kill-point-reached");
        var once = $"[ ! -e \"{marker}\" ]";
        switch (point)
        {
            case "after-manifest-push":
                _world.Hook($"while read old new ref; do if [ \"$ref\" = refs/heads/gitops/production-releases ] && {once}; then touch \"{marker}\"; sleep 120; fi; done", "post-receive");
                break;
            case "after-milestone-tag":
                _world.Hook($"while read old new ref; do case \"$ref\" in refs/tags/release-prd-*) if {once}; then touch \"{marker}\"; sleep 120; fi;; esac; done", "post-receive");
                break;
            case "during-teams-webhook":
                _receiver.HangOnce[TeamsSecret] = true;
                return () => Count(TeamsSecret) > 0;
            case "before-teams-record":
                _world.Hook($"while read old new ref; do if [ \"$ref\" = {NotesRef} ] && {once}; then touch \"{marker}\"; sleep 120; fi; done");
                break;
            case "during-slack-webhook":
                _receiver.HangOnce[SlackSecret] = true;
                return () => Count(SlackSecret) > 0;
            case "after-slack-record":
                var first = Path.Combine(_world.Remote.Folder, "first-record");
                _world.Hook($"while read old new ref; do if [ \"$ref\" = {NotesRef} ] && {once}; then if [ -e \"{first}\" ]; then touch \"{marker}\"; sleep 120; else touch \"{first}\"; fi; fi; done", "post-receive");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(point), point, "no such kill point");
        }

        return () => File.Exists(marker);
    }

    private int Count(string path) => _receiver.Received.Count(r => r.Path == path);

    // The note git itself shows on the production manifest commit of blue 1.6.0.
    private string Note()
    {
        var commit = GitRemote.Git(_world.Remote.Bare, "log", "-1", "--format=%H", "--fixed-strings", "--grep=promote(blue): 1.6.0 staging", "gitops/production-releases").Trim();
        Assert.NotEqual("", commit);
        var note = ProcessRun.Start("git", ["notes", $"--ref={NotesRef}", "show", commit], _world.Remote.Bare);
        return note.ExitCode == 0 ? note.Output : "";
    }

    private List<string> Recorded() =>
        Note().Split('\n').Where(line => line.StartsWith("Notified: ", StringComparison.Ordinal))
            .Select(line => line["Notified: ".Length..line.LastIndexOf(" at ", StringComparison.Ordinal)]).ToList();

    private Dictionary<string, string> Secrets() => new()
    {
        ["TEAMS_WEBHOOK_URL"] = _receiver.Url(TeamsSecret),
        ["SLACK_WEBHOOK_URL"] = _receiver.Url(SlackSecret),
    };
}
