using System.Globalization;
using System.Text.Json.Nodes;

namespace Cake.Release.Tests.Forges;

/// <summary>
/// The JSON GitHub's REST API answers with, field for field as its description requires (simple-user, private-user,
/// repository, pull-request, pull-request-simple, pull-request-review, label, issue-comment), over the emulator's
/// address: the API and the web pages share one root here, as on GitHub Enterprise without the /api/v3 prefix.
/// </summary>
internal sealed class GitHubRepresentation(ForgeProject project, string root)
{
    private static readonly DateTimeOffset RepositoryCreated = new(2024, 1, 15, 9, 30, 0, TimeSpan.Zero);

    private string Api => root;

    private string RepoApi => $"{root}/repos/{project.Path}";

    public string PullHtmlUrl(int number) => $"{root}/{project.Path}/pull/{number}";

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static JsonNode? Time(DateTimeOffset? time) => time is { } t ? Time(t) : null;

    public JsonObject SimpleUser(string login, string type = "User")
    {
        var id = type == "Organization" ? 4001 : project.UserId(login);
        return new JsonObject
        {
            ["login"] = login,
            ["id"] = id,
            ["node_id"] = (type == "Organization" ? "O_kgDO" : "U_kgDO") + id.ToString(CultureInfo.InvariantCulture),
            ["avatar_url"] = $"{root}/avatars/u/{id}?v=4",
            ["gravatar_id"] = "",
            ["url"] = $"{Api}/users/{login}",
            ["html_url"] = $"{root}/{login}",
            ["followers_url"] = $"{Api}/users/{login}/followers",
            ["following_url"] = $"{Api}/users/{login}/following{{/other_user}}",
            ["gists_url"] = $"{Api}/users/{login}/gists{{/gist_id}}",
            ["starred_url"] = $"{Api}/users/{login}/starred{{/owner}}{{/repo}}",
            ["subscriptions_url"] = $"{Api}/users/{login}/subscriptions",
            ["organizations_url"] = $"{Api}/users/{login}/orgs",
            ["repos_url"] = $"{Api}/users/{login}/repos",
            ["events_url"] = $"{Api}/users/{login}/events{{/privacy}}",
            ["received_events_url"] = $"{Api}/users/{login}/received_events",
            ["type"] = type,
            ["user_view_type"] = "public",
            ["site_admin"] = false,
        };
    }

    /// <summary>GET /user: the token's own user, with the private fields only its owner sees.</summary>
    public JsonObject PrivateUser(string login)
    {
        var user = SimpleUser(login);
        user["user_view_type"] = "private";
        user["name"] = login;
        user["company"] = $"@{project.Owner}";
        user["blog"] = "";
        user["location"] = null;
        user["email"] = null;
        user["notification_email"] = null;
        user["hireable"] = null;
        user["bio"] = null;
        user["twitter_username"] = null;
        user["public_repos"] = 0;
        user["public_gists"] = 0;
        user["followers"] = 0;
        user["following"] = 0;
        user["created_at"] = Time(RepositoryCreated);
        user["updated_at"] = Time(RepositoryCreated);
        user["private_gists"] = 0;
        user["total_private_repos"] = 1;
        user["owned_private_repos"] = 0;
        user["disk_usage"] = 0;
        user["collaborators"] = 0;
        user["two_factor_authentication"] = true;
        user["plan"] = new JsonObject { ["name"] = "free", ["space"] = 976562499, ["collaborators"] = 0, ["private_repos"] = 10000 };
        return user;
    }

    public JsonObject Repository() => new()
    {
        ["id"] = 7001,
        ["node_id"] = "R_kgDOAAAbWQ",
        ["name"] = project.Name,
        ["full_name"] = project.Path,
        ["owner"] = SimpleUser(project.Owner, "Organization"),
        ["private"] = true,
        ["html_url"] = $"{root}/{project.Path}",
        ["description"] = null,
        ["fork"] = false,
        ["url"] = RepoApi,
        ["archive_url"] = $"{RepoApi}/{{archive_format}}{{/ref}}",
        ["assignees_url"] = $"{RepoApi}/assignees{{/user}}",
        ["blobs_url"] = $"{RepoApi}/git/blobs{{/sha}}",
        ["branches_url"] = $"{RepoApi}/branches{{/branch}}",
        ["collaborators_url"] = $"{RepoApi}/collaborators{{/collaborator}}",
        ["comments_url"] = $"{RepoApi}/comments{{/number}}",
        ["commits_url"] = $"{RepoApi}/commits{{/sha}}",
        ["compare_url"] = $"{RepoApi}/compare/{{base}}...{{head}}",
        ["contents_url"] = $"{RepoApi}/contents/{{+path}}",
        ["contributors_url"] = $"{RepoApi}/contributors",
        ["deployments_url"] = $"{RepoApi}/deployments",
        ["downloads_url"] = $"{RepoApi}/downloads",
        ["events_url"] = $"{RepoApi}/events",
        ["forks_url"] = $"{RepoApi}/forks",
        ["git_commits_url"] = $"{RepoApi}/git/commits{{/sha}}",
        ["git_refs_url"] = $"{RepoApi}/git/refs{{/sha}}",
        ["git_tags_url"] = $"{RepoApi}/git/tags{{/sha}}",
        ["git_url"] = $"git://127.0.0.1/{project.Path}.git",
        ["issue_comment_url"] = $"{RepoApi}/issues/comments{{/number}}",
        ["issue_events_url"] = $"{RepoApi}/issues/events{{/number}}",
        ["issues_url"] = $"{RepoApi}/issues{{/number}}",
        ["keys_url"] = $"{RepoApi}/keys{{/key_id}}",
        ["labels_url"] = $"{RepoApi}/labels{{/name}}",
        ["languages_url"] = $"{RepoApi}/languages",
        ["merges_url"] = $"{RepoApi}/merges",
        ["milestones_url"] = $"{RepoApi}/milestones{{/number}}",
        ["notifications_url"] = $"{RepoApi}/notifications{{?since,all,participating}}",
        ["pulls_url"] = $"{RepoApi}/pulls{{/number}}",
        ["releases_url"] = $"{RepoApi}/releases{{/id}}",
        ["ssh_url"] = $"git@127.0.0.1:{project.Path}.git",
        ["stargazers_url"] = $"{RepoApi}/stargazers",
        ["statuses_url"] = $"{RepoApi}/statuses/{{sha}}",
        ["subscribers_url"] = $"{RepoApi}/subscribers",
        ["subscription_url"] = $"{RepoApi}/subscription",
        ["tags_url"] = $"{RepoApi}/tags",
        ["teams_url"] = $"{RepoApi}/teams",
        ["trees_url"] = $"{RepoApi}/git/trees{{/sha}}",
        ["clone_url"] = $"{root}/{project.Path}.git",
        ["mirror_url"] = null,
        ["hooks_url"] = $"{RepoApi}/hooks",
        ["svn_url"] = $"{root}/{project.Path}",
        ["homepage"] = null,
        ["language"] = "C#",
        ["forks_count"] = 0,
        ["forks"] = 0,
        ["stargazers_count"] = 0,
        ["watchers_count"] = 0,
        ["watchers"] = 0,
        ["size"] = 108,
        ["default_branch"] = "main",
        ["open_issues_count"] = project.PullRequests.Count(p => p.State == "open"),
        ["open_issues"] = project.PullRequests.Count(p => p.State == "open"),
        ["is_template"] = false,
        ["topics"] = new JsonArray(),
        ["has_issues"] = true,
        ["has_projects"] = false,
        ["has_wiki"] = false,
        ["has_pages"] = false,
        ["has_downloads"] = true,
        ["has_discussions"] = false,
        ["archived"] = false,
        ["disabled"] = false,
        ["visibility"] = "private",
        ["pushed_at"] = Time(DateTimeOffset.UtcNow),
        ["created_at"] = Time(RepositoryCreated),
        ["updated_at"] = Time(RepositoryCreated),
        ["allow_merge_commit"] = true,
        ["allow_squash_merge"] = false,
        ["allow_rebase_merge"] = false,
        ["license"] = null,
    };

    /// <summary>environment-approvals: one entry of a workflow run's review log.</summary>
    public JsonObject RunReview(string environment, string user, string state) => new()
    {
        ["environments"] = new JsonArray(new JsonObject
        {
            ["id"] = 56780000 + (uint)StringComparer.Ordinal.GetHashCode(environment) % 1000,
            ["node_id"] = "EN_kwDO" + environment.Length.ToString(CultureInfo.InvariantCulture),
            ["name"] = environment,
            ["url"] = $"{RepoApi}/environments/{Uri.EscapeDataString(environment)}",
            ["html_url"] = $"{root}/{project.Path}/deployments/activity_log?environments_filter={Uri.EscapeDataString(environment)}",
            ["created_at"] = "2026-01-05T10:00:00Z",
            ["updated_at"] = "2026-01-05T10:00:00Z",
        }),
        ["state"] = state,
        ["user"] = SimpleUser(user),
        ["comment"] = "",
    };

    public JsonObject Label(string name) => new()
    {
        ["id"] = 8001 + (uint)StringComparer.Ordinal.GetHashCode(name) % 100000,
        ["node_id"] = "LA_kwDO" + Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(name))[..Math.Min(12, name.Length * 2)],
        ["url"] = $"{RepoApi}/labels/{Uri.EscapeDataString(name)}",
        ["name"] = name,
        // Empty, not null: pull-request-simple types a label's description as a plain string, where label allows null.
        ["description"] = "",
        ["color"] = "ededed",
        ["default"] = false,
    };

    /// <summary>pull-request (GET one, create, update) or, with <paramref name="simple"/>, pull-request-simple (the list).</summary>
    public JsonObject PullRequest(PullRequestRecord pull, bool simple)
    {
        var url = $"{RepoApi}/pulls/{pull.Number}";
        var html = PullHtmlUrl(pull.Number);
        var headSha = project.HeadSha(pull);
        var json = new JsonObject
        {
            ["url"] = url,
            ["id"] = pull.Id,
            ["node_id"] = "PR_kwDO" + pull.Id.ToString(CultureInfo.InvariantCulture),
            ["html_url"] = html,
            ["diff_url"] = html + ".diff",
            ["patch_url"] = html + ".patch",
            ["issue_url"] = $"{RepoApi}/issues/{pull.Number}",
            ["number"] = pull.Number,
            ["state"] = pull.State == "open" ? "open" : "closed",
            ["locked"] = false,
            ["title"] = pull.Title,
            ["user"] = SimpleUser(pull.Author),
            ["body"] = pull.Body.Length == 0 ? null : pull.Body,
            ["labels"] = new JsonArray(pull.Labels.Select(l => (JsonNode?)Label(l)).ToArray()),
            ["milestone"] = null,
            ["active_lock_reason"] = null,
            ["created_at"] = Time(pull.CreatedAt),
            ["updated_at"] = Time(pull.UpdatedAt),
            ["closed_at"] = Time(pull.ClosedAt),
            ["merged_at"] = Time(pull.MergedAt),
            ["merge_commit_sha"] = pull.MergeCommitSha,
            ["assignee"] = null,
            ["assignees"] = new JsonArray(),
            ["requested_reviewers"] = new JsonArray(),
            ["requested_teams"] = new JsonArray(),
            ["commits_url"] = url + "/commits",
            ["review_comments_url"] = url + "/comments",
            ["review_comment_url"] = $"{RepoApi}/pulls/comments{{/number}}",
            ["comments_url"] = $"{RepoApi}/issues/{pull.Number}/comments",
            ["statuses_url"] = $"{RepoApi}/statuses/{headSha}",
            ["head"] = Branch(pull.Head, headSha),
            ["base"] = Branch(pull.Base, project.BaseSha(pull)),
            ["_links"] = new JsonObject
            {
                ["self"] = Link(url),
                ["html"] = Link(html),
                ["issue"] = Link($"{RepoApi}/issues/{pull.Number}"),
                ["comments"] = Link($"{RepoApi}/issues/{pull.Number}/comments"),
                ["review_comments"] = Link(url + "/comments"),
                ["review_comment"] = Link($"{RepoApi}/pulls/comments{{/number}}"),
                ["commits"] = Link(url + "/commits"),
                ["statuses"] = Link($"{RepoApi}/statuses/{headSha}"),
            },
            ["author_association"] = "MEMBER",
            ["auto_merge"] = null,
            ["draft"] = pull.Draft,
        };
        if (simple)
        {
            return json;
        }

        var open = pull.State == "open";
        var mergeable = open ? project.Repository.MergesCleanly(pull.Base, pull.Head) : (bool?)null;
        var (commits, additions, deletions, files) = project.Changes(pull);
        json["merged"] = pull.State == "merged";
        json["mergeable"] = mergeable;
        json["rebaseable"] = mergeable;
        json["mergeable_state"] = !open ? "unknown" : pull.Draft ? "draft" : mergeable == true ? "clean" : "dirty";
        json["merged_by"] = pull.MergedBy is { } merger ? SimpleUser(merger) : null;
        json["comments"] = pull.Comments.Count;
        json["review_comments"] = 0;
        json["maintainer_can_modify"] = false;
        json["commits"] = commits;
        json["additions"] = additions;
        json["deletions"] = deletions;
        json["changed_files"] = files;
        return json;
    }

    public JsonObject Review(PullRequestRecord pull, ForgeReview review)
    {
        var html = $"{PullHtmlUrl(pull.Number)}#pullrequestreview-{review.Id}";
        var json = new JsonObject
        {
            ["id"] = review.Id,
            ["node_id"] = "PRR_kwDO" + review.Id.ToString(CultureInfo.InvariantCulture),
            ["user"] = SimpleUser(review.User),
            ["body"] = review.Body,
            ["state"] = review.State,
            ["html_url"] = html,
            ["pull_request_url"] = $"{RepoApi}/pulls/{pull.Number}",
            ["author_association"] = "MEMBER",
            ["_links"] = new JsonObject { ["html"] = Link(html), ["pull_request"] = Link($"{RepoApi}/pulls/{pull.Number}") },
            ["commit_id"] = review.CommitId,
        };
        if (review.State != "PENDING")
        {
            json["submitted_at"] = Time(review.SubmittedAt);
        }

        return json;
    }

    public JsonObject IssueComment(PullRequestRecord pull, ForgeComment comment) => new()
    {
        ["id"] = comment.Id,
        ["node_id"] = "IC_kwDO" + comment.Id.ToString(CultureInfo.InvariantCulture),
        ["url"] = $"{RepoApi}/issues/comments/{comment.Id}",
        ["html_url"] = $"{PullHtmlUrl(pull.Number)}#issuecomment-{comment.Id}",
        ["issue_url"] = $"{RepoApi}/issues/{pull.Number}",
        ["body"] = comment.Body,
        ["user"] = SimpleUser(comment.Author),
        ["created_at"] = Time(comment.CreatedAt),
        ["updated_at"] = Time(comment.CreatedAt),
        ["author_association"] = "MEMBER",
        ["performed_via_github_app"] = null,
        ["reactions"] = new JsonObject
        {
            ["url"] = $"{RepoApi}/issues/comments/{comment.Id}/reactions",
            ["total_count"] = 0,
            ["+1"] = 0,
            ["-1"] = 0,
            ["laugh"] = 0,
            ["hooray"] = 0,
            ["confused"] = 0,
            ["heart"] = 0,
            ["rocket"] = 0,
            ["eyes"] = 0,
        },
    };

    /// <summary>GitHub's error body: message, documentation_url and the status as a string.</summary>
    public static JsonObject Error(string message, string? documentationUrl, int status, JsonArray? errors = null)
    {
        var json = new JsonObject { ["message"] = message };
        if (errors is not null)
        {
            json["errors"] = errors;
        }

        json["documentation_url"] = documentationUrl ?? "https://docs.github.com/rest";
        json["status"] = status.ToString(CultureInfo.InvariantCulture);
        return json;
    }

    private JsonObject Branch(string name, string sha) => new()
    {
        ["label"] = $"{project.Owner}:{name}",
        ["ref"] = name,
        ["sha"] = sha,
        ["user"] = SimpleUser(project.Owner, "Organization"),
        ["repo"] = Repository(),
    };

    private static JsonObject Link(string href) => new() { ["href"] = href };
}
