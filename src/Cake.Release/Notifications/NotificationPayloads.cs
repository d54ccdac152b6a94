using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cake.Release.Notifications;

/// <summary>
/// The JSON each webhook kind accepts. Teams: a message carrying an Adaptive Card (what Teams workflow webhooks
/// take); Slack: an incoming-webhook message with a text fallback and Block Kit sections; webhook: the notice's own fields.
/// </summary>
internal static class NotificationPayloads
{
    // Webhook JSON is never embedded in HTML, so arrows and Slack's <url|text> links stay readable instead of \u escapes.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string For(string kind, PromotionNotice notice) => kind switch
    {
        "teams" => Teams(notice),
        "slack" => Slack(notice),
        _ => Plain(notice),
    };

    private static string Teams(PromotionNotice notice)
    {
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = notice.Title, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
            new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray(notice.Facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Label, ["value"] = f.Value }).ToArray()),
            },
        };
        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = body,
        };
        if (notice.CommitUrl is { } url)
        {
            card["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = $"Commit {ShortCommit.Of(notice.Commit)}", ["url"] = url });
        }

        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["content"] = card }),
        }.ToJsonString(Options);
    }

    private static string Slack(PromotionNotice notice)
    {
        var commit = notice.CommitUrl is { } url ? $"<{url}|{ShortCommit.Of(notice.Commit)}>" : ShortCommit.Of(notice.Commit);
        var fields = notice.Facts.Where(f => f.Label != "Commit")
            .Select(f => (JsonNode)new JsonObject { ["type"] = "mrkdwn", ["text"] = $"*{f.Label}*\n{Escape(f.Value)}" })
            .Append(new JsonObject { ["type"] = "mrkdwn", ["text"] = $"*Commit*\n{commit}" })
            .ToArray();
        return new JsonObject
        {
            ["text"] = $"{notice.Title} by {notice.By}",
            ["blocks"] = new JsonArray(
                new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = $"*{Escape(notice.Title)}*" } },
                // Slack allows at most 10 fields in a section.
                new JsonObject { ["type"] = "section", ["fields"] = new JsonArray(fields.Take(10).ToArray()) }),
        }.ToJsonString(Options);
    }

    private static string Plain(PromotionNotice notice) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["event"] = "promotion",
        ["service"] = notice.Service,
        ["version"] = notice.Version,
        ["from"] = notice.From,
        ["to"] = notice.To,
        ["by"] = notice.By,
        ["approvers"] = notice.Approvers,
        ["approversVerified"] = notice.ApproversVerified,
        ["waivers"] = notice.Waivers.ToDictionary(w => w.Trailer, w => w.Text),
        ["image"] = notice.Image,
        ["digest"] = notice.Digest,
        ["commit"] = notice.Commit,
        ["commitUrl"] = notice.CommitUrl,
    }, Options);

    // Slack's mrkdwn treats &, < and > as markup.
    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
