using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Cake.Release.Forges;

/// <summary>GitHub's REST API (github.com or GitHub Enterprise Server) for promotion by pull request.</summary>
internal sealed class GitHubForge : IForge
{
    private readonly ForgeHttp _http;
    private readonly string _repository;
    private readonly string _owner;

    public GitHubForge(ForgeLocation location, string token, TimeSpan timeout)
    {
        _repository = $"/repos/{location.Project}";
        _owner = location.Project.Split('/')[0];
        _http = Client(location, token, timeout);
    }

    /// <summary>A client of GitHub's REST API with the token and the API version GitHub asks for, for any GitHub call.</summary>
    public static ForgeHttp Client(ForgeLocation location, string token, TimeSpan timeout) =>
        new("GitHub", location.ApiUrl, headers =>
        {
            headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
            headers.Add("X-GitHub-Api-Version", "2022-11-28");
        }, timeout);

    public string Name => "GitHub";

    public string Noun => "pull request";

    public IReadOnlyList<ForgePullRequest> PullRequests(string baseBranch, string? head, bool openOnly)
    {
        var query = $"?state={(openOnly ? "open" : "all")}&base={Uri.EscapeDataString(baseBranch)}&per_page=100&sort=created&direction=desc";
        if (head is not null)
        {
            query += $"&head={Uri.EscapeDataString($"{_owner}:{head}")}";
        }

        return _http.Send(HttpMethod.Get, $"{_repository}/pulls{query}").AsArray().Select(n => Read(n!)).ToList();
    }

    public ForgePullRequest Get(int number) => Read(_http.Send(HttpMethod.Get, $"{_repository}/pulls/{number}"));

    public ForgePullRequest Open(PullRequestProposal proposal)
    {
        var opened = Read(_http.Send(HttpMethod.Post, $"{_repository}/pulls", new { title = proposal.Title, head = proposal.Head, @base = proposal.Base, body = proposal.Body, draft = proposal.Draft }));
        if (proposal.Labels.Count > 0)
        {
            // Labels live on the pull request's issue; GitHub creates the ones the repository lacks.
            _http.Send(HttpMethod.Post, $"{_repository}/issues/{opened.Number}/labels", new { labels = proposal.Labels });
        }

        return opened;
    }

    public ForgePullRequest Update(ForgePullRequest pullRequest, PullRequestProposal proposal) =>
        Read(_http.Send(HttpMethod.Patch, $"{_repository}/pulls/{pullRequest.Number}", new { title = proposal.Title, body = proposal.Body }));

    public void Close(ForgePullRequest pullRequest, string comment)
    {
        _http.Send(HttpMethod.Post, $"{_repository}/issues/{pullRequest.Number}/comments", new { body = comment });
        _http.Send(HttpMethod.Patch, $"{_repository}/pulls/{pullRequest.Number}", new { state = "closed" });
    }

    public IReadOnlyList<ForgeReview> Reviews(ForgePullRequest pullRequest) =>
        _http.Send(HttpMethod.Get, $"{_repository}/pulls/{pullRequest.Number}/reviews?per_page=100").AsArray()
            .Select((n, i) => (Node: n!, Order: i))
            // A comment leaves a reviewer's verdict as it was; approval, change request and dismissal set it.
            .Where(r => Text(r.Node, "state") is "APPROVED" or "CHANGES_REQUESTED" or "DISMISSED")
            .Select(r => new ForgeReview(Text(r.Node["user"]!, "login"), Text(r.Node, "state") == "APPROVED", r.Node["commit_id"]?.GetValue<string>(), r.Order))
            .ToList();

    public void Dispose() => _http.Dispose();

    private static ForgePullRequest Read(JsonNode node)
    {
        var merged = node["merged_at"] is JsonValue;
        return new ForgePullRequest(
            node["number"]!.GetValue<int>(),
            Text(node, "html_url"),
            Text(node, "title"),
            node["body"]?.GetValue<string>() ?? "",
            Text(node["head"]!, "ref"),
            Text(node["base"]!, "ref"),
            Text(node["head"]!, "sha"),
            node["user"]?["login"]?.GetValue<string>() ?? "",
            node["draft"]?.GetValue<bool>() ?? false,
            merged ? PullRequestState.Merged : Text(node, "state") == "open" ? PullRequestState.Open : PullRequestState.Closed,
            merged ? node["merge_commit_sha"]?.GetValue<string>() : null,
            node["merged_by"]?["login"]?.GetValue<string>(),
            merged ? Time(node["merged_at"]) : null);
    }

    private static DateTimeOffset? Time(JsonNode? node) =>
        node is JsonValue value && DateTimeOffset.TryParse(value.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time) ? time.ToUniversalTime() : null;

    private static string Text(JsonNode node, string name) => node[name]?.GetValue<string>() ?? "";
}
