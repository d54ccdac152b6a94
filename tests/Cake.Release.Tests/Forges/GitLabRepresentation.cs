using System.Globalization;
using System.Text.Json.Nodes;

namespace Cake.Release.Tests.Forges;

/// <summary>
/// The JSON GitLab's REST API v4 answers with (merge request, merge request approvals, note, user), with the types
/// GitLab's documentation shows (doc/api/merge_requests.md examples), over the emulator's address.
/// </summary>
internal sealed class GitLabRepresentation(ForgeProject project, string root)
{
    public const long ProjectId = 7001;

    private static readonly DateTimeOffset UserCreated = new(2024, 1, 15, 9, 30, 0, TimeSpan.Zero);

    public string WebUrl(int iid) => $"{root}/{project.Path}/-/merge_requests/{iid}";

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static JsonNode? Time(DateTimeOffset? time) => time is { } t ? Time(t) : null;

    public JsonObject UserBasic(string username)
    {
        var id = project.UserId(username);
        return new JsonObject
        {
            ["id"] = id,
            ["username"] = username,
            ["public_email"] = null,
            ["name"] = username,
            ["state"] = "active",
            ["locked"] = false,
            ["avatar_url"] = $"{root}/uploads/-/system/user/avatar/{id}/avatar.png",
            ["web_url"] = $"{root}/{username}",
        };
    }

    /// <summary>GET /user: the token's own user.</summary>
    /// <summary>API_Entities_Deployment, or with <paramref name="approvals"/> API_Entities_DeploymentExtended (doc/api/deployments.md).</summary>
    public JsonObject Deployment(long id, long job, string environment, List<(string User, string Status)>? approvals)
    {
        var json = new JsonObject
        {
            ["id"] = id,
            ["iid"] = id - 99,
            ["ref"] = "main",
            ["sha"] = new string('a', 40),
            ["created_at"] = "2026-01-05T10:00:00.000Z",
            ["updated_at"] = "2026-01-05T10:00:00.000Z",
            ["environment"] = new JsonObject { ["id"] = 9, ["name"] = environment, ["slug"] = environment, ["external_url"] = "", ["created_at"] = "2026-01-01T10:00:00.000Z", ["updated_at"] = "2026-01-01T10:00:00.000Z" },
            ["deployable"] = new JsonObject { ["id"] = job, ["status"] = "running", ["stage"] = "promote", ["name"] = $"promote-{environment}", ["ref"] = "main" },
            ["status"] = "running",
        };
        if (approvals is not null)
        {
            json["pending_approval_count"] = 0;
            json["approvals"] = new JsonArray(approvals.Select(a => (JsonNode?)new JsonObject
            {
                ["user"] = UserBasic(a.User),
                ["status"] = a.Status,
                ["created_at"] = "2026-01-05T10:01:00.000Z",
                ["comment"] = "",
            }).ToArray());
        }

        return json;
    }

    public JsonObject CurrentUser(string username)
    {
        var user = UserBasic(username);
        user["created_at"] = Time(UserCreated);
        user["bio"] = "";
        user["location"] = null;
        user["email"] = $"{username}@example.com";
        user["is_admin"] = false;
        user["bot"] = false;
        return user;
    }

    /// <summary>API_Entities_MergeRequest (one merge request) or, without <paramref name="full"/>, API_Entities_MergeRequestBasic (the list).</summary>
    public JsonObject MergeRequest(PullRequestRecord pull, bool full)
    {
        var sha = project.HeadSha(pull);
        var open = pull.State == "open";
        var conflicts = open && !project.Repository.MergesCleanly(pull.Base, pull.Head);
        var json = new JsonObject
        {
            ["id"] = pull.Id,
            ["iid"] = pull.Number,
            ["project_id"] = ProjectId,
            ["title"] = pull.Title,
            ["description"] = pull.Body,
            ["state"] = State(pull),
            ["created_at"] = Time(pull.CreatedAt),
            ["updated_at"] = Time(pull.UpdatedAt),
            ["merged_by"] = pull.MergedBy is { } merger ? UserBasic(merger) : null,
            ["merge_user"] = pull.MergedBy is { } mergeUser ? UserBasic(mergeUser) : null,
            ["merged_at"] = Time(pull.MergedAt),
            ["closed_by"] = pull.ClosedBy is { } closer ? UserBasic(closer) : null,
            ["closed_at"] = pull.State == "closed" ? Time(pull.ClosedAt) : null,
            ["target_branch"] = pull.Base,
            ["source_branch"] = pull.Head,
            ["user_notes_count"] = pull.Comments.Count,
            ["upvotes"] = 0,
            ["downvotes"] = 0,
            ["author"] = UserBasic(pull.Author),
            ["assignees"] = new JsonArray(),
            ["assignee"] = null,
            ["reviewers"] = new JsonArray(),
            ["source_project_id"] = ProjectId,
            ["target_project_id"] = ProjectId,
            ["labels"] = new JsonArray(pull.Labels.Select(l => (JsonNode?)l).ToArray()),
            ["draft"] = pull.Draft,
            ["imported"] = false,
            ["imported_from"] = "none",
            ["work_in_progress"] = pull.Draft,
            ["milestone"] = null,
            ["merge_when_pipeline_succeeds"] = false,
            ["merge_status"] = !open ? "can_be_merged" : conflicts ? "cannot_be_merged" : "can_be_merged",
            ["detailed_merge_status"] = !open ? "not_open" : pull.Draft ? "draft_status" : conflicts ? "conflict" : "mergeable",
            ["merge_after"] = null,
            ["sha"] = sha,
            ["merge_commit_sha"] = pull.MergeCommitSha,
            ["squash_commit_sha"] = null,
            ["discussion_locked"] = null,
            ["should_remove_source_branch"] = null,
            ["force_remove_source_branch"] = false,
            ["prepared_at"] = Time(pull.CreatedAt),
            ["allow_collaboration"] = false,
            ["allow_maintainer_to_push"] = false,
            ["reference"] = $"!{pull.Number}",
            ["references"] = new JsonObject { ["short"] = $"!{pull.Number}", ["relative"] = $"!{pull.Number}", ["full"] = $"{project.Path}!{pull.Number}" },
            ["web_url"] = WebUrl(pull.Number),
            ["time_stats"] = new JsonObject { ["time_estimate"] = 0, ["total_time_spent"] = 0, ["human_time_estimate"] = null, ["human_total_time_spent"] = null },
            ["squash"] = false,
            ["squash_on_merge"] = false,
            ["task_completion_status"] = new JsonObject { ["count"] = 0, ["completed_count"] = 0 },
            ["has_conflicts"] = conflicts,
            ["blocking_discussions_resolved"] = true,
            ["approvals_before_merge"] = null,
        };
        if (!full)
        {
            return json;
        }

        var start = pull.MergeCommitSha is { } merge ? $"{merge}^1" : $"refs/heads/{pull.Base}";
        var startSha = project.Repository.Resolve(start) ?? project.BaseSha(pull);
        json["subscribed"] = true;
        json["changes_count"] = project.Changes(pull).Files.ToString(CultureInfo.InvariantCulture);
        json["latest_build_started_at"] = null;
        json["latest_build_finished_at"] = null;
        json["first_deployed_to_production_at"] = null;
        json["pipeline"] = null;
        json["head_pipeline"] = null;
        json["diff_refs"] = new JsonObject { ["base_sha"] = project.Repository.MergeBase(start, sha) ?? startSha, ["head_sha"] = sha, ["start_sha"] = startSha };
        json["merge_error"] = null;
        json["first_contribution"] = false;
        json["user"] = new JsonObject { ["can_merge"] = true };
        return json;
    }

    /// <summary>
    /// API_Entities_MergeRequestApprovals as the asking user sees it. Only approvals of the head commit count: the
    /// emulated project removes all approvals when commits are added to the source branch (GitLab's
    /// reset_approvals_on_push), as a release gate wants, and GitLab's approvals do not say which commit they approved.
    /// </summary>
    public JsonObject Approvals(PullRequestRecord pull, string user)
    {
        var approvals = CurrentApprovals(pull);
        return new JsonObject
        {
            ["user_has_approved"] = approvals.Any(a => a.User == user),
            ["user_can_approve"] = pull.State == "open" && approvals.All(a => a.User != user),
            ["approved"] = approvals.Count > 0,
            ["approved_by"] = new JsonArray(approvals.Select(a => (JsonNode?)new JsonObject { ["user"] = UserBasic(a.User), ["approved_at"] = Time(a.SubmittedAt) }).ToArray()),
        };
    }

    public List<ForgeReview> CurrentApprovals(PullRequestRecord pull)
    {
        var head = project.HeadSha(pull);
        return pull.Reviews.Where(r => r.State == "APPROVED" && (pull.State == "merged" || r.CommitId == head)).ToList();
    }

    public JsonObject Note(PullRequestRecord pull, ForgeComment comment) => new()
    {
        ["id"] = comment.Id,
        ["type"] = null,
        ["body"] = comment.Body,
        ["attachment"] = null,
        ["author"] = UserBasic(comment.Author),
        ["created_at"] = Time(comment.CreatedAt),
        ["updated_at"] = Time(comment.CreatedAt),
        ["system"] = false,
        ["noteable_id"] = pull.Id,
        ["noteable_type"] = "MergeRequest",
        ["project_id"] = ProjectId,
        ["noteable_iid"] = pull.Number,
        ["resolvable"] = false,
        ["confidential"] = false,
        ["internal"] = false,
    };

    /// <summary>GitLab's merge request states: opened, closed, merged.</summary>
    public static string State(PullRequestRecord pull) => pull.State == "open" ? "opened" : pull.State;
}
