using System.Collections.Specialized;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Cake.Release.Tests.Forges;

/// <summary>
/// GitHub's REST API over the emulator's project, for the operations Cake.Release and its tests call
/// (/work/notes/forge-api.md lists them): what GitHub does and how it words a refusal. A test double, not GitHub.
/// </summary>
internal sealed class GitHubApi(ForgeProject project, string root) : IForgeApi
{
    private readonly GitHubRepresentation _json = new(project, root);

    public string Kind => "github";

    public string ApiPrefix => "";

    public OpenApiDescription Description => OpenApiDescription.GitHub;

    public string TokenPrefix => "ghp_";

    // Served at the root as api.github.com is, and below /api/v3 as GitHub Enterprise Server is: Octokit appends
    // /api/v3 to any base address that is not api.github.com.
    public string? DescribedPath(string path) => path.StartsWith("/api/v3/", StringComparison.Ordinal) ? path["/api/v3".Length..] : path;

    // GitHub takes "Bearer" and the older "token" scheme alike.
    public string? Token(NameValueCollection headers) => headers["Authorization"]?.Split(' ', 2) is [var scheme, var token]
        && (scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) || scheme.Equals("token", StringComparison.OrdinalIgnoreCase)) ? token.Trim() : null;

    public string WebUrl(PullRequestRecord pull) => _json.PullHtmlUrl(pull.Number);

    public ForgeAnswer Unauthorized() => new(401, GitHubRepresentation.Error("Bad credentials", "https://docs.github.com/rest", 401));

    public ForgeAnswer NotFound(OpenApiOperation? operation) => new(404, GitHubRepresentation.Error("Not Found", operation?.DocumentationUrl, 404));

    public ForgeAnswer Rejected(OpenApiOperation operation, IReadOnlyList<string> problems)
    {
        // Operations whose 422 is validation-error-simple list their errors as strings, the others as objects.
        var simple = (string?)operation.ResponseSchema(422)?["$ref"] is { } schema && schema.EndsWith("/validation-error-simple", StringComparison.Ordinal);
        var errors = new JsonArray(problems.Select(p => simple ? (JsonNode?)p : new JsonObject { ["resource"] = Resource(operation), ["code"] = "invalid", ["message"] = p }).ToArray());
        return new(422, GitHubRepresentation.Error("Invalid request.\n\n" + string.Join("\n", problems.Select(GitHubWording)), operation.DocumentationUrl, 422, errors));
    }

    public ForgeAnswer? Serve(ForgeCall call) => call.Operation.OperationId switch
    {
        "users/get-authenticated" => new(200, _json.PrivateUser(call.User)),
        "pulls/list" => List(call),
        "pulls/create" => Create(call),
        "pulls/get" => WithPull(call, pull => new(200, _json.PullRequest(pull, simple: false))),
        "pulls/update" => WithPull(call, pull => Update(call, pull)),
        "pulls/list-reviews" => WithPull(call, pull => Page(call, pull.Reviews.Select(r => (JsonNode)_json.Review(pull, r)).ToList())),
        "pulls/create-review" => WithPull(call, pull => Review(call, pull)),
        "pulls/merge" => WithPull(call, pull => Merge(call, pull)),
        "issues/add-labels" => WithPull(call, pull => AddLabels(call, pull)),
        "issues/create-comment" => WithPull(call, pull => Comment(call, pull)),
        "actions/get-reviews-for-run" => new(200, new JsonArray(project.RunReviews.GetValueOrDefault(long.Parse(call.PathValues["run_id"], CultureInfo.InvariantCulture), [])
            .Select(r => (JsonNode?)_json.RunReview(r.Environment, r.User, r.State)).ToArray())),
        _ => null,
    };

    private ForgeAnswer WithPull(ForgeCall call, Func<PullRequestRecord, ForgeAnswer> serve)
    {
        var number = call.PathValues.TryGetValue("pull_number", out var text) || call.PathValues.TryGetValue("issue_number", out text) ? int.Parse(text, CultureInfo.InvariantCulture) : 0;
        return project.Find(number) is { } pull ? serve(pull) : NotFound(call.Operation);
    }

    private ForgeAnswer List(ForgeCall call)
    {
        var state = call.QueryValue("state") ?? "open";
        var head = call.QueryValue("head");
        var baseBranch = call.QueryValue("base");
        var pulls = project.PullRequests
            .Where(p => state == "all" || (state == "open") == (p.State == "open"))
            .Where(p => head is null || (head.Contains(':', StringComparison.Ordinal) ? head == $"{project.Owner}:{p.Head}" : head == p.Head))
            .Where(p => baseBranch is null || baseBranch == p.Base);
        var sort = call.QueryValue("sort") ?? "created";
        var ascending = (call.QueryValue("direction") ?? (sort == "created" ? "desc" : "asc")) == "asc";
        pulls = sort == "updated"
            ? ascending ? pulls.OrderBy(p => p.UpdatedAt) : pulls.OrderByDescending(p => p.UpdatedAt)
            : ascending ? pulls.OrderBy(p => p.Number) : pulls.OrderByDescending(p => p.Number);
        var answer = Page(call, pulls.Select(p => (JsonNode)_json.PullRequest(p, simple: true)).ToList());

        // GitHub documents head as "user:ref-name"; a bare branch name is not that filter.
        return head is not null && !head.Contains(':', StringComparison.Ordinal)
            ? answer with { Violation = $"head={head} is not in the format user:ref-name (pulls/list's description of head)" }
            : answer;
    }

    private ForgeAnswer Create(ForgeCall call)
    {
        var title = call.BodyString("title");
        var head = call.BodyString("head")!;
        var baseBranch = call.BodyString("base")!;
        if (call.Body?["issue"] is not null)
        {
            return new(422, Invalid(call, "issue", "invalid", "the forge emulator does not turn issues into pull requests"));
        }

        if (title is null)
        {
            return new(422, Invalid(call, "title", "missing_field", null), Violation: "title is required unless issue is given (pulls/create's description of title)");
        }

        if (head.Split(':', 2) is [var owner, var branch])
        {
            if (owner != project.Owner)
            {
                return new(422, Invalid(call, "head", "invalid", null));
            }

            head = branch;
        }

        if (project.Repository.BranchSha(baseBranch) is null)
        {
            return new(422, Invalid(call, "base", "invalid", null));
        }

        if (project.Repository.BranchSha(head) is not { } headSha)
        {
            return new(422, Invalid(call, "head", "invalid", null));
        }

        if (project.PullRequests.Any(p => p.State == "open" && p.Head == head && p.Base == baseBranch))
        {
            return new(422, Invalid(call, null, "custom", $"A pull request already exists for {project.Owner}:{head}."));
        }

        if (!project.Repository.HasCommitsBeyond(baseBranch, head))
        {
            return new(422, Invalid(call, null, "custom", $"No commits between {baseBranch} and {head}"));
        }

        var now = Now();
        var pull = new PullRequestRecord
        {
            Number = project.PullRequests.Count + 1,
            Id = project.NextId(),
            Title = title,
            Body = call.BodyString("body") ?? "",
            Head = head,
            Base = baseBranch,
            Draft = call.Body?["draft"]?.GetValue<bool>() ?? false,
            Author = call.User,
            HeadSha = headSha,
            CreatedAt = now,
            UpdatedAt = now,
        };
        project.PullRequests.Add(pull);
        return new(201, _json.PullRequest(pull, simple: false), new Dictionary<string, string> { ["Location"] = $"{root}/repos/{project.Path}/pulls/{pull.Number}" });
    }

    private ForgeAnswer Update(ForgeCall call, PullRequestRecord pull)
    {
        if (call.BodyString("state") is { } state && state != (pull.State == "open" ? "open" : "closed"))
        {
            if (pull.State == "merged")
            {
                return new(422, Invalid(call, "state", "invalid", "state cannot be changed. The pull request cannot be reopened."));
            }

            if (state == "open" && project.PullRequests.Any(p => p != pull && p.State == "open" && p.Head == pull.Head && p.Base == pull.Base))
            {
                return new(422, Invalid(call, null, "custom", $"A pull request already exists for {project.Owner}:{pull.Head}."));
            }

            pull.State = state;
            pull.ClosedAt = state == "closed" ? Now() : null;
        }

        if (call.BodyString("base") is { } baseBranch)
        {
            if (project.Repository.BranchSha(baseBranch) is null)
            {
                return new(422, Invalid(call, "base", "invalid", null));
            }

            pull.Base = baseBranch;
        }

        pull.Title = call.BodyString("title") ?? pull.Title;
        pull.Body = call.BodyString("body") ?? pull.Body;
        pull.UpdatedAt = Now();
        return new(200, _json.PullRequest(pull, simple: false));
    }

    private ForgeAnswer Review(ForgeCall call, PullRequestRecord pull)
    {
        var verdict = call.BodyString("event");
        var body = call.BodyString("body") ?? "";
        if (pull.Author == call.User && verdict is "APPROVE" or "REQUEST_CHANGES")
        {
            return new(422, GitHubRepresentation.Error("Unprocessable Entity", call.Operation.DocumentationUrl, 422, new JsonArray(verdict == "APPROVE"
                ? "Can not approve your own pull request"
                : "Can not request changes on your own pull request")));
        }

        if (verdict is "REQUEST_CHANGES" or "COMMENT" && body.Length == 0)
        {
            return new(422, GitHubRepresentation.Error("Unprocessable Entity", call.Operation.DocumentationUrl, 422, new JsonArray($"Review body is required for {verdict}")),
                Violation: $"body is required when event is {verdict} (pulls/create-review's description of body)");
        }

        if (pull.State != "open" && verdict is "APPROVE" or "REQUEST_CHANGES")
        {
            return new(422, GitHubRepresentation.Error("Unprocessable Entity", call.Operation.DocumentationUrl, 422, new JsonArray($"Can not {(verdict == "APPROVE" ? "approve" : "request changes on")} a {(pull.State == "merged" ? "merged" : "closed")} pull request")));
        }

        var review = new ForgeReview(project.NextId(), call.User, verdict switch
        {
            "APPROVE" => "APPROVED",
            "REQUEST_CHANGES" => "CHANGES_REQUESTED",
            "COMMENT" => "COMMENTED",
            _ => "PENDING",
        }, body, call.BodyString("commit_id") ?? project.HeadSha(pull), Now());
        pull.Reviews.Add(review);
        pull.UpdatedAt = review.SubmittedAt;
        return new(200, _json.Review(pull, review));
    }

    private ForgeAnswer Merge(ForgeCall call, PullRequestRecord pull)
    {
        var method = call.BodyString("merge_method") ?? "merge";
        if (pull.State != "open")
        {
            return NotMergeable(call, "Pull Request is not mergeable");
        }

        if (pull.Draft)
        {
            return NotMergeable(call, "Pull Request is still a draft");
        }

        // The emulated repository allows merge commits only, as Cake.Release's promotion expects.
        if (method != "merge")
        {
            return NotMergeable(call, $"{char.ToUpperInvariant(method[0])}{method[1..]} merges are not allowed on this repository.");
        }

        var headSha = project.HeadSha(pull);
        if (call.BodyString("sha") is { } expected && expected != headSha)
        {
            return new(409, new JsonObject { ["message"] = "Head branch was modified. Review and try the merge again.", ["documentation_url"] = call.Operation.DocumentationUrl });
        }

        var title = call.BodyString("commit_title") ?? $"Merge pull request #{pull.Number} from {project.Owner}/{pull.Head}";
        var message = call.BodyString("commit_message") ?? pull.Title;
        var merger = new Signature(call.User, $"{project.UserId(call.User)}+{call.User}@users.noreply.github.com");
        if (project.Repository.Merge(pull.Base, headSha, title, message, merger, new Signature("GitHub", "noreply@github.com")) is not { } mergeSha)
        {
            return NotMergeable(call, "Pull Request is not mergeable");
        }

        var now = Now();
        pull.State = "merged";
        pull.MergeCommitSha = mergeSha;
        pull.MergedBy = call.User;
        pull.MergedAt = now;
        pull.ClosedAt = now;
        pull.UpdatedAt = now;
        return new(200, new JsonObject { ["sha"] = mergeSha, ["merged"] = true, ["message"] = "Pull Request successfully merged" });
    }

    private ForgeAnswer AddLabels(ForgeCall call, PullRequestRecord pull)
    {
        foreach (var label in call.Body?["labels"]?.AsArray() ?? [])
        {
            var name = label is JsonObject named ? (string)named["name"]! : (string)label!;
            if (!pull.Labels.Contains(name, StringComparer.Ordinal))
            {
                pull.Labels.Add(name);
            }
        }

        pull.UpdatedAt = Now();
        return new(200, new JsonArray(pull.Labels.Select(l => (JsonNode?)_json.Label(l)).ToArray()));
    }

    private ForgeAnswer Comment(ForgeCall call, PullRequestRecord pull)
    {
        var comment = new ForgeComment(project.NextId(), call.User, call.BodyString("body")!, Now());
        pull.Comments.Add(comment);
        pull.UpdatedAt = comment.CreatedAt;
        return new(201, _json.IssueComment(pull, comment), new Dictionary<string, string> { ["Location"] = $"{root}/repos/{project.Path}/issues/comments/{comment.Id}" });
    }

    // per_page (at most 100, default 30) and page, with a Link header to the next page as GitHub sends it.
    private ForgeAnswer Page(ForgeCall call, IReadOnlyList<JsonNode> items)
    {
        var perPage = Math.Clamp(int.TryParse(call.QueryValue("per_page"), out var size) ? size : 30, 1, 100);
        var page = Math.Max(int.TryParse(call.QueryValue("page"), out var p) ? p : 1, 1);
        var slice = items.Skip((page - 1) * perPage).Take(perPage).ToArray();
        var headers = new Dictionary<string, string>();
        if (page * perPage < items.Count)
        {
            var others = call.Query.Where(q => q.Key is not ("page" or "per_page")).Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value)}&");
            headers["Link"] = $"<{root}{call.RequestPath}?{string.Concat(others)}per_page={perPage}&page={page + 1}>; rel=\"next\"";
        }

        return new(200, new JsonArray(slice), headers);
    }

    private static ForgeAnswer NotMergeable(ForgeCall call, string message) =>
        new(405, new JsonObject { ["message"] = message, ["documentation_url"] = call.Operation.DocumentationUrl });

    private static JsonObject Invalid(ForgeCall call, string? field, string code, string? message)
    {
        var error = new JsonObject { ["resource"] = Resource(call.Operation), ["code"] = code };
        if (field is not null)
        {
            error["field"] = field;
        }

        if (message is not null)
        {
            error["message"] = message;
        }

        return GitHubRepresentation.Error("Validation Failed", call.Operation.DocumentationUrl, 422, new JsonArray(error));
    }

    private static string Resource(OpenApiOperation operation) => operation.OperationId.StartsWith("issues/", StringComparison.Ordinal) ? "Issue" : "PullRequest";

    private static DateTimeOffset Now() => DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    // GitHub words a missing field as `"head" wasn't supplied.`; other problems keep the validator's words.
    private static string GitHubWording(string problem) =>
        System.Text.RegularExpressions.Regex.Match(problem, "Required properties \\[(?<names>[^\\]]*)\\] are not present") is { Success: true } missing
            ? string.Join(" ", missing.Groups["names"].Value.Split(',').Select(n => $"{n.Trim()} wasn't supplied."))
            : problem;
}
