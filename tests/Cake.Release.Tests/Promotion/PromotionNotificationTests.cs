using System.Text.Json;
using System.Text.RegularExpressions;
using Cake.Release.Notifications;

namespace Cake.Release.Tests.Promotion;

/// <summary>Teams and Slack webhooks hear about a promotion; a broken one only warns; the URLs never show.</summary>
public sealed class PromotionNotificationTests : IDisposable
{
    private const string TeamsSecret = "teams-hook/0a1b2c3d-secret-token";
    private const string SlackSecret = "services/T000/B000/slack-secret-token";
    private readonly WebhookReceiver _receiver = new();
    private readonly PromotionWorld _world = new(yaml => yaml.Replace("    approvals: 2\n",
        "    approvals: 2\n    milestoneTag: \"release-prd-{date:yyyyMMdd}\"\n    notify:\n      - teams: ${TEAMS_WEBHOOK_URL}\n      - slack: ${SLACK_WEBHOOK_URL}\n", StringComparison.Ordinal));

    public void Dispose()
    {
        _world.Dispose();
        _receiver.Dispose();
    }

    [Fact]
    public void Teams_and_Slack_receive_who_promoted_what_where_and_the_webhook_urls_never_reach_the_output()
    {
        var (commit, digest) = _world.SeedDev();
        Assert.Equal(0, _world.Run("--target=PromoteStaging", "--service=blue", "--version=1.6.0").ExitCode);

        var result = _world.Run(Secrets(), "--target=PromoteProduction", "--service=blue", "--by=alice", "--approver=bob", "--approver=carol");

        Assert.True(result.ExitCode == 0, result.ToString());
        var teams = Assert.Single(_receiver.Received, r => r.Path == TeamsSecret);
        var slack = Assert.Single(_receiver.Received, r => r.Path == SlackSecret);
        Assert.StartsWith("application/json", teams.ContentType, StringComparison.Ordinal);
        using var card = JsonDocument.Parse(teams.Body);
        var facts = card.RootElement.GetProperty("attachments")[0].GetProperty("content").GetProperty("body")[1].GetProperty("facts")
            .EnumerateArray().ToDictionary(f => f.GetProperty("title").GetString()!, f => f.GetProperty("value").GetString()!);
        Assert.Equal(("blue", "1.6.0", "staging → production", "alice", "bob (unverified), carol (unverified)", commit),
            (facts["Service"], facts["Version"], facts["From → to"], facts["Promoted by"], facts["Approved by"], facts["Commit"]));
        Assert.EndsWith(digest, facts["Image"], StringComparison.Ordinal);
        using var message = JsonDocument.Parse(slack.Body);
        Assert.Equal("blue 1.6.0 promoted staging → production by alice", message.RootElement.GetProperty("text").GetString());
        Assert.Contains("*Approved by*\\nbob (unverified), carol (unverified)", slack.Body.Replace("\n", "\\n", StringComparison.Ordinal), StringComparison.Ordinal);
        // The milestone tag carries the day of the run, which the run names: read after it, the day may have turned.
        var milestone = Regex.Match(result.Output, @"Tagged (release-prd-\d{8}) ").Groups[1].Value;
        Assert.NotNull(_world.RemoteCommit($"refs/tags/{milestone}"));
        AssertNoSecret(result.All);
    }

    [Fact]
    public void A_failing_webhook_warns_and_the_promotion_still_succeeds()
    {
        _world.SeedDev();
        Assert.Equal(0, _world.Run("--target=PromoteStaging", "--service=blue", "--version=1.6.0").ExitCode);
        _receiver.Failing.Add(TeamsSecret);

        var result = _world.Run(Secrets(), "--target=PromoteProduction", "--service=blue", "--by=alice", "--approver=bob", "--approver=carol");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Could not notify the teams webhook (${TEAMS_WEBHOOK_URL}): the webhook answered HTTP 500. The promotion itself is done.", result.All);
        Assert.Single(_receiver.Received, r => r.Path == SlackSecret);
        Assert.Equal("1.6.0", _world.Manifest("production")!.Entry("blue")!.Version);
        AssertNoSecret(result.All);
    }

    [Fact]
    public void A_dry_run_names_the_notifications_it_would_send_and_sends_none()
    {
        _world.SeedDev();
        Assert.Equal(0, _world.Run("--target=PromoteStaging", "--service=blue", "--version=1.6.0").ExitCode);

        var result = _world.Run(Secrets(), "--target=PromoteProduction", "--service=blue", "--by=alice", "--approver=bob", "--approver=carol", "--dryrun");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Dry run: would notify the slack webhook (${SLACK_WEBHOOK_URL}): blue 1.6.0 promoted staging → production by alice, approved by bob (unverified), carol (unverified).", result.Output);
        Assert.Empty(_receiver.Received);
        AssertNoSecret(result.All);
    }

    [Fact]
    public void A_commit_link_is_made_for_a_known_host_and_left_out_otherwise()
    {
        var notice = new PromotionNotice("blue", "1.6.0", "staging", "production", "alice", [], "registry.example.com/acme/blue", "sha256:" + new string('a', 64),
            "3f2c1a0b9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a", Cake.Release.Changelog.CompareLinks.ForRemote("https://x-token:secret@github.com/acme/shop.git")?.Commit("3f2c1a0b9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a"));

        var teams = NotificationPayloads.For("teams", notice);
        var slack = NotificationPayloads.For("slack", notice);

        Assert.Equal("https://github.com/acme/shop/commit/3f2c1a0b9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a", notice.CommitUrl);
        Assert.Contains("\"url\":\"https://github.com/acme/shop/commit/3f2c1a0b9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a\"", teams);
        Assert.Contains("<https://github.com/acme/shop/commit/3f2c1a0b9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a|3f2c1a0>", slack);
        Assert.DoesNotContain("secret", teams + slack);
        Assert.DoesNotContain("actions", NotificationPayloads.For("teams", notice with { CommitUrl = null }));
        Assert.Null(Cake.Release.Changelog.CompareLinks.ForRemote("/tmp/origin.git"));
    }

    private Dictionary<string, string> Secrets() => new()
    {
        ["TEAMS_WEBHOOK_URL"] = _receiver.Url(TeamsSecret),
        ["SLACK_WEBHOOK_URL"] = _receiver.Url(SlackSecret),
    };

    private void AssertNoSecret(string output)
    {
        Assert.DoesNotContain("secret-token", output, StringComparison.Ordinal);
        Assert.DoesNotContain(_receiver.Url(""), output, StringComparison.Ordinal);
    }
}
