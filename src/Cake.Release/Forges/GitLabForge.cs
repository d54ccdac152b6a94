using System.Text.Json.Nodes;

namespace Cake.Release.Forges;

/// <summary>GitLab's REST API v4 (gitlab.com or self-managed) for promotion by merge request.</summary>
internal sealed class GitLabForge : IForge
{
    // GitLab marks a draft by its title; both prefixes are read, "Draft: " is written.
    private const string DraftPrefix = "Draft: ";

    private readonly ForgeHttp _http;
    private readonly string _project;

    /// <param name="location">Where the API answers and the project's path.</param>
    /// <param name="token">The token.</param>
    /// <param name="jobToken">True for CI_JOB_TOKEN, sent as JOB-TOKEN; else a personal, project or group token, sent as PRIVATE-TOKEN.</param>
    /// <param name="timeout">How long one call may take.</param>
    public GitLabForge(ForgeLocation location, string token, bool jobToken, TimeSpan timeout)
    {
        _project = $"/projects/{Uri.EscapeDataString(location.Project)}";
        _http = Client(location, token, jobToken, timeout);
    }

    /// <summary>A client of GitLab's REST API with the token in the header its kind needs, for any GitLab call.</summary>
    public static ForgeHttp Client(ForgeLocation location, string token, bool jobToken, TimeSpan timeout) =>
        new("GitLab", location.ApiUrl, headers => headers.Add(jobToken ? "JOB-TOKEN" : "PRIVATE-TOKEN", token), timeout);

    public string Name => "GitLab";

    public string Noun => "merge request";

    public IReadOnlyList<ForgePullRequest> PullRequests(string baseBranch, string? head, bool openOnly)
    {
        var query = $"?state={(openOnly ? "opened" : "all")}&target_branch={Uri.EscapeDataString(baseBranch)}&per_page=100&order_by=created_at&sort=desc";
        if (head is not null)
        {
            query += $"&source_branch={Uri.EscapeDataString(head)}";
        }

        return _http.Send(HttpMethod.Get, $"{_project}/merge_requests{query}").AsArray().Select(n => Read(n!)).ToList();
    }

    public ForgePullRequest Get(int number) => Read(_http.Send(HttpMethod.Get, $"{_project}/merge_requests/{number}"));

    public ForgePullRequest Open(PullRequestProposal proposal) =>
        Read(_http.Send(HttpMethod.Post, $"{_project}/merge_requests", new
        {
            source_branch = proposal.Head,
            target_branch = proposal.Base,
            title = proposal.Draft ? DraftPrefix + proposal.Title : proposal.Title,
            description = proposal.Body,
            labels = string.Join(',', proposal.Labels),
        }));

    // A draft keeps its prefix, and a request someone marked ready stays ready: only the words change.
    public ForgePullRequest Update(ForgePullRequest pullRequest, PullRequestProposal proposal) =>
        Read(_http.Send(HttpMethod.Put, $"{_project}/merge_requests/{pullRequest.Number}", new
        {
            title = pullRequest.Draft ? DraftPrefix + proposal.Title : proposal.Title,
            description = proposal.Body,
        }));

    // The reason goes into the description, in the same call that closes it: GitLab's published API description
    // (doc/api/openapi/openapi_v2.yaml) has no notes endpoint to hold it.
    public void Close(ForgePullRequest pullRequest, string comment) =>
        _http.Send(HttpMethod.Put, $"{_project}/merge_requests/{pullRequest.Number}", new { state_event = "close", description = $"{pullRequest.Body.TrimEnd()}\n\n---\n\n{comment}\n" });

    // GitLab keeps the current approvals, not a review history; with "Remove all approvals when commits are added"
    // (the project setting a protected environment should have) they are the approvals of the latest commit.
    public IReadOnlyList<ForgeReview> Reviews(ForgePullRequest pullRequest) =>
        (_http.Send(HttpMethod.Get, $"{_project}/merge_requests/{pullRequest.Number}/approvals")["approved_by"] as JsonArray ?? [])
            .Select((n, i) => new ForgeReview(Text(n!["user"]!, "username"), true, null, i))
            .ToList();

    public void Dispose() => _http.Dispose();

    private static ForgePullRequest Read(JsonNode node)
    {
        var state = Text(node, "state");
        var title = Text(node, "title");
        var draft = node["draft"]?.GetValue<bool>() ?? node["work_in_progress"]?.GetValue<bool>() ?? title.StartsWith(DraftPrefix, StringComparison.Ordinal);
        return new ForgePullRequest(
            node["iid"]!.GetValue<int>(),
            Text(node, "web_url"),
            draft && title.StartsWith(DraftPrefix, StringComparison.Ordinal) ? title[DraftPrefix.Length..] : title,
            node["description"]?.GetValue<string>() ?? "",
            Text(node, "source_branch"),
            Text(node, "target_branch"),
            Text(node, "sha"),
            node["author"]?["username"]?.GetValue<string>() ?? "",
            draft,
            state == "merged" ? PullRequestState.Merged : state is "opened" or "locked" ? PullRequestState.Open : PullRequestState.Closed,
            state == "merged" ? node["merge_commit_sha"]?.GetValue<string>() ?? node["squash_commit_sha"]?.GetValue<string>() : null,
            node["merged_by"]?["username"]?.GetValue<string>() ?? node["merge_user"]?["username"]?.GetValue<string>(),
            state == "merged" ? Time(node["merged_at"]) : null);
    }

    private static DateTimeOffset? Time(JsonNode? node) =>
        node is JsonValue value && DateTimeOffset.TryParse(value.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time) ? time.ToUniversalTime() : null;

    private static string Text(JsonNode node, string name) => node[name]?.GetValue<string>() ?? "";
}
