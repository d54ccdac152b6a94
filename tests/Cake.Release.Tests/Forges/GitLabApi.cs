using System.Collections.Specialized;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Cake.Release.Tests.Forges;

/// <summary>
/// GitLab's REST API v4 over the emulator's project, for the operations Cake.Release and its tests call
/// (/work/notes/forge-api.md lists them): what GitLab does and how it words a refusal. A test double, not GitLab.
/// Drafts are titles starting "Draft:", "[Draft]" or "(Draft)", as GitLab reads them; an author may approve their own
/// merge request (the project setting that allows it is on).
/// </summary>
internal sealed class GitLabApi(ForgeProject project, string root) : IForgeApi
{
    private static readonly string[] DraftPrefixes = ["draft:", "[draft]", "(draft)"];
    private static readonly string[] UpdateAttributes = ["title", "target_branch", "state_event", "discussion_locked", "assignee_id", "assignee_ids", "reviewer_ids", "description", "labels", "add_labels", "remove_labels", "milestone_id", "remove_source_branch", "allow_collaboration", "allow_maintainer_to_push", "squash", "merge_after", "approvals_before_merge"];

    private readonly GitLabRepresentation _json = new(project, root);

    public string Kind => "gitlab";

    public string ApiPrefix => "/api/v4";

    public OpenApiDescription Description => OpenApiDescription.GitLab;

    public string TokenPrefix => "glpat-";

    // GitLab's description writes /api/v4 into every path template.
    public string? DescribedPath(string path) => path.StartsWith(ApiPrefix + "/", StringComparison.Ordinal) ? path : null;

    // A personal access token (GITLAB_TOKEN), a CI job's token (CI_JOB_TOKEN) acting as its user, or OAuth's Bearer.
    public string? Token(NameValueCollection headers) =>
        headers["PRIVATE-TOKEN"] ?? headers["JOB-TOKEN"]
        ?? (headers["Authorization"]?.Split(' ', 2) is ["Bearer", var token] ? token.Trim() : null);

    public string WebUrl(PullRequestRecord pull) => _json.WebUrl(pull.Number);

    public static bool IsDraft(string title) => DraftPrefixes.Any(p => title.TrimStart().StartsWith(p, StringComparison.OrdinalIgnoreCase));

    public static string WithoutDraftPrefix(string title)
    {
        var rest = title.TrimStart();
        while (DraftPrefixes.FirstOrDefault(p => rest.StartsWith(p, StringComparison.OrdinalIgnoreCase)) is { } prefix)
        {
            rest = rest[prefix.Length..].TrimStart();
        }

        return rest;
    }

    public ForgeAnswer Unauthorized() => new(401, new JsonObject { ["message"] = "401 Unauthorized" });

    public ForgeAnswer NotFound(OpenApiOperation? operation) => operation is null
        ? new(404, new JsonObject { ["error"] = "404 Not Found" })
        : new(404, new JsonObject { ["message"] = "404 Not found" });

    // Grape answers a parameter it cannot accept with 400 and {"error": "..."}.
    public ForgeAnswer Rejected(OpenApiOperation operation, IReadOnlyList<string> problems) =>
        new(400, new JsonObject { ["error"] = string.Join(", ", problems) });

    public ForgeAnswer? Serve(ForgeCall call)
    {
        if (call.PathValues.TryGetValue("id", out var id) && id != project.Path && id != GitLabRepresentation.ProjectId.ToString(CultureInfo.InvariantCulture))
        {
            return new(404, new JsonObject { ["message"] = "404 Project Not Found" });
        }

        return call.Operation.OperationId switch
        {
            "getApiV4User" => new(200, _json.CurrentUser(call.User)),
            "getApiV4ProjectsIdMergeRequests" => List(call),
            "postApiV4ProjectsIdMergeRequests" => Create(call),
            "getApiV4ProjectsIdMergeRequestsMergeRequestIid" => WithMergeRequest(call, pull => new(200, _json.MergeRequest(pull, full: true))),
            "putApiV4ProjectsIdMergeRequestsMergeRequestIid" => WithMergeRequest(call, pull => Update(call, pull)),
            "putApiV4ProjectsIdMergeRequestsMergeRequestIidMerge" => WithMergeRequest(call, pull => Merge(call, pull)),
            "getApiV4ProjectsIdMergeRequestsMergeRequestIidApprovals" => WithMergeRequest(call, pull => new(200, _json.Approvals(pull, call.User))),
            "postApiV4ProjectsIdMergeRequestsMergeRequestIidApprove" => WithMergeRequest(call, pull => Approve(call, pull)),
            "getApiV4ProjectsIdDeployments" => new(200, new JsonArray(project.Deployments
                .Where(d => call.QueryValue("environment") is not { } environment || d.Environment == environment)
                .OrderByDescending(d => d.Id)
                .Select(d => (JsonNode?)_json.Deployment(d.Id, d.Job, d.Environment, null)).ToArray())),
            "getApiV4ProjectsIdDeploymentsDeploymentId" => project.Deployments.FirstOrDefault(d => d.Id.ToString(CultureInfo.InvariantCulture) == call.PathValues["deployment_id"]) is { Environment: not null } found
                ? new(200, _json.Deployment(found.Id, found.Job, found.Environment, found.Approvals))
                : new(404, new JsonObject { ["message"] = "404 Not found" }),
            "postApiV4ProjectsIdMergeRequestsMergeRequestIidNotes" => WithMergeRequest(call, pull => Note(call, pull)),
            _ => null,
        };
    }

    private ForgeAnswer WithMergeRequest(ForgeCall call, Func<PullRequestRecord, ForgeAnswer> serve) =>
        project.Find(int.Parse(call.PathValues["merge_request_iid"], CultureInfo.InvariantCulture)) is { } pull ? serve(pull) : NotFound(call.Operation);

    private ForgeAnswer List(ForgeCall call)
    {
        var state = call.QueryValue("state") ?? "all";
        var source = call.QueryValue("source_branch");
        var target = call.QueryValue("target_branch");
        var labels = call.QueryValue("labels")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        var pulls = project.PullRequests
            .Where(p => state == "all" || GitLabRepresentation.State(p) == state)
            .Where(p => source is null || p.Head == source)
            .Where(p => target is null || p.Base == target)
            .Where(p => labels.All(l => p.Labels.Contains(l, StringComparer.Ordinal)));
        var ascending = call.QueryValue("sort") == "asc";
        pulls = call.QueryValue("order_by") == "updated_at"
            ? ascending ? pulls.OrderBy(p => p.UpdatedAt) : pulls.OrderByDescending(p => p.UpdatedAt)
            : ascending ? pulls.OrderBy(p => p.Number) : pulls.OrderByDescending(p => p.Number);
        var all = pulls.ToList();

        // per_page (at most 100, default 20) and page, with GitLab's pagination headers.
        var perPage = Math.Clamp(int.TryParse(call.QueryValue("per_page"), out var size) ? size : 20, 1, 100);
        var page = Math.Max(int.TryParse(call.QueryValue("page"), out var p) ? p : 1, 1);
        var pages = Math.Max(1, (all.Count + perPage - 1) / perPage);
        var headers = new Dictionary<string, string>
        {
            ["X-Page"] = page.ToString(CultureInfo.InvariantCulture),
            ["X-Per-Page"] = perPage.ToString(CultureInfo.InvariantCulture),
            ["X-Total"] = all.Count.ToString(CultureInfo.InvariantCulture),
            ["X-Total-Pages"] = pages.ToString(CultureInfo.InvariantCulture),
            ["X-Next-Page"] = page < pages ? (page + 1).ToString(CultureInfo.InvariantCulture) : "",
            ["X-Prev-Page"] = page > 1 ? (page - 1).ToString(CultureInfo.InvariantCulture) : "",
        };
        var slice = all.Skip((page - 1) * perPage).Take(perPage).Select(m => (JsonNode?)_json.MergeRequest(m, full: false)).ToArray();
        return new(200, new JsonArray(slice), headers);
    }

    private ForgeAnswer Create(ForgeCall call)
    {
        var title = call.BodyString("title")!;
        var source = call.BodyString("source_branch")!;
        var target = call.BodyString("target_branch")!;
        if (source == target)
        {
            return Unprocessable("You can't use same project/branch for source and target");
        }

        if (project.Repository.BranchSha(source) is not { } sha)
        {
            return Unprocessable($"Source branch \"{source}\" does not exist");
        }

        if (project.Repository.BranchSha(target) is null)
        {
            return Unprocessable($"Target branch \"{target}\" does not exist");
        }

        if (project.PullRequests.FirstOrDefault(p => p.State == "open" && p.Head == source && p.Base == target) is { } existing)
        {
            return new(409, new JsonObject { ["message"] = new JsonArray($"Another open merge request already exists for this source branch: !{existing.Number}") });
        }

        var now = Now();
        var pull = new PullRequestRecord
        {
            Number = project.PullRequests.Count + 1,
            Id = project.NextId(),
            Title = title,
            Body = call.BodyString("description") ?? "",
            Head = source,
            Base = target,
            Draft = IsDraft(title),
            Author = call.User,
            HeadSha = sha,
            CreatedAt = now,
            UpdatedAt = now,
        };
        pull.Labels.AddRange(Labels(call.Body?["labels"]));
        project.PullRequests.Add(pull);
        return new(201, _json.MergeRequest(pull, full: true));
    }

    private ForgeAnswer Update(ForgeCall call, PullRequestRecord pull)
    {
        if (!UpdateAttributes.Any(a => call.Body?[a] is not null))
        {
            return new(400, new JsonObject { ["error"] = $"{string.Join(", ", UpdateAttributes)} are missing, at least one parameter must be provided" },
                Violation: "at least one attribute must be given (doc/api/merge_requests.md, \"Update MR\")");
        }

        if (call.BodyString("target_branch") is { } target)
        {
            if (project.Repository.BranchSha(target) is null)
            {
                return Unprocessable($"Target branch \"{target}\" does not exist");
            }

            pull.Base = target;
        }

        switch (call.BodyString("state_event"))
        {
            case "close" when pull.State == "open":
                pull.State = "closed";
                pull.ClosedAt = Now();
                pull.ClosedBy = call.User;
                break;
            case "reopen" when pull.State == "closed":
                if (project.PullRequests.FirstOrDefault(p => p != pull && p.State == "open" && p.Head == pull.Head && p.Base == pull.Base) is { } existing)
                {
                    return new(409, new JsonObject { ["message"] = new JsonArray($"Another open merge request already exists for this source branch: !{existing.Number}") });
                }

                pull.State = "open";
                pull.ClosedAt = null;
                pull.ClosedBy = null;
                break;
        }

        if (call.BodyString("title") is { } title)
        {
            pull.Title = title;
            pull.Draft = IsDraft(title);
        }

        pull.Body = call.BodyString("description") ?? pull.Body;
        if (call.Body?["labels"] is { } labels)
        {
            pull.Labels.Clear();
            pull.Labels.AddRange(Labels(labels));
        }

        pull.Labels.AddRange(Labels(call.Body?["add_labels"]).Where(l => !pull.Labels.Contains(l, StringComparer.Ordinal)));
        pull.Labels.RemoveAll(l => Labels(call.Body?["remove_labels"]).Contains(l, StringComparer.Ordinal));
        pull.UpdatedAt = Now();
        return new(200, _json.MergeRequest(pull, full: true));
    }

    private ForgeAnswer Merge(ForgeCall call, PullRequestRecord pull)
    {
        // GitLab answers 405 for any merge request it cannot merge: not open, a draft, or conflicting.
        if (pull.State != "open" || pull.Draft || !project.Repository.MergesCleanly(pull.Base, pull.Head))
        {
            return new(405, new JsonObject { ["message"] = "405 Method Not Allowed" });
        }

        if (call.Body?["squash"]?.GetValue<bool>() == true)
        {
            return new(405, new JsonObject { ["message"] = "405 Method Not Allowed" }, Violation: "squash: the forge emulator merges with merge commits only");
        }

        var sha = project.HeadSha(pull);
        if (call.BodyString("sha") is { } expected && expected != sha)
        {
            return new(409, new JsonObject { ["message"] = $"SHA does not match HEAD of source branch: {sha}" });
        }

        var message = call.BodyString("merge_commit_message") ?? $"Merge branch '{pull.Head}' into '{pull.Base}'\n\n{pull.Title}\n\nSee merge request {project.Path}!{pull.Number}";
        var lines = message.Split('\n', 2);
        var merger = new Signature(call.User, $"{call.User}@example.com");
        if (project.Repository.Merge(pull.Base, sha, lines[0], lines.Length > 1 ? lines[1].Trim('\n') : "", merger, merger) is not { } mergeSha)
        {
            return new(422, new JsonObject { ["message"] = "Branch cannot be merged" });
        }

        var now = Now();
        pull.State = "merged";
        pull.MergeCommitSha = mergeSha;
        pull.MergedBy = call.User;
        pull.MergedAt = now;
        pull.UpdatedAt = now;
        return new(200, _json.MergeRequest(pull, full: true));
    }

    private ForgeAnswer Approve(ForgeCall call, PullRequestRecord pull)
    {
        if (pull.State != "open" || _json.CurrentApprovals(pull).Any(r => r.User == call.User))
        {
            return Unauthorized();
        }

        var sha = project.HeadSha(pull);
        if (call.BodyString("sha") is { } expected && expected != sha)
        {
            return new(409, new JsonObject { ["message"] = $"SHA does not match HEAD of source branch: {sha}" });
        }

        pull.Reviews.Add(new ForgeReview(project.NextId(), call.User, "APPROVED", "", sha, Now()));
        pull.UpdatedAt = Now();
        return new(201, _json.Approvals(pull, call.User));
    }

    private ForgeAnswer Note(ForgeCall call, PullRequestRecord pull)
    {
        var comment = new ForgeComment(project.NextId(), call.User, call.BodyString("body")!, Now());
        pull.Comments.Add(comment);
        pull.UpdatedAt = comment.CreatedAt;
        return new(201, _json.Note(pull, comment));
    }

    // "Comma-separated label names", or the list grape turns them into.
    private static IEnumerable<string> Labels(JsonNode? labels) => labels switch
    {
        JsonArray list => list.Select(l => (string)l!),
        JsonValue text => ((string)text!).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        _ => [],
    };

    private static ForgeAnswer Unprocessable(string message) => new(422, new JsonObject { ["message"] = new JsonArray(message) });

    private static DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
}
