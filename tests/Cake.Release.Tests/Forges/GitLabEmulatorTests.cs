using System.Net;
using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Forges;

/// <summary>The GitLab forge emulator (a test double over a real bare repository), through plain HTTP.</summary>
public sealed class GitLabEmulatorTests : IDisposable
{
    private const string MergeRequests = "/projects/acme%2Fshop/merge_requests";

    private readonly GitRemote _remote = new();
    private readonly ForgeEmulator _forge;
    private readonly PlainForgeClient _http;
    private readonly string _alice;
    private readonly string _bob;

    public GitLabEmulatorTests()
    {
        _forge = ForgeEmulator.GitLab(_remote.Bare);
        _http = new PlainForgeClient(_forge);
        _alice = _forge.AddUser("alice");
        _bob = _forge.AddUser("bob");
    }

    [Fact]
    public void AConformingOpenApproveMergeRoundTripLeavesARealMergeCommitOnTheTargetBranch()
    {
        Assert.EndsWith("/api/v4", _forge.ApiUrl, StringComparison.Ordinal);
        var mainBefore = GitRemote.Git(_remote.Bare, "rev-parse", "refs/heads/main").Trim();
        var head = PlainForgeClient.PushBranch(_remote, "promote/staging", "staging.txt", "1.2.3\n");

        var (status, me) = _http.Send(HttpMethod.Get, "/user", _alice);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("alice", (string?)me!["username"]);
        (status, var none) = _http.Send(HttpMethod.Get, $"{MergeRequests}?state=opened&source_branch=promote/staging&target_branch=main&per_page=100", _alice);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(none!.AsArray());

        (status, var created) = _http.Send(HttpMethod.Post, MergeRequests, _alice, new { source_branch = "promote/staging", target_branch = "main", title = "Promote to staging", description = "blue 1.2.3", labels = "promotion,staging" });
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(1, (int)created!["iid"]!);
        Assert.Equal(head, (string?)created["sha"]);
        Assert.Equal(["promotion", "staging"], created["labels"]!.AsArray().Select(l => (string)l!));
        Assert.Equal($"{_forge.Root}/acme/shop/-/merge_requests/1", (string?)created["web_url"]);
        Assert.Equal(HttpStatusCode.Created, _http.Send(HttpMethod.Post, $"{MergeRequests}/1/notes", _alice, new { body = "Plan: retag blue" }).Status);
        Assert.Single(_http.Send(HttpMethod.Get, $"{MergeRequests}?state=opened&source_branch=promote/staging&target_branch=main&per_page=100", _alice).Body!.AsArray());

        Assert.Equal(HttpStatusCode.Created, _forge.Approve(1, _bob));
        (status, var approvals) = _http.Send(HttpMethod.Get, $"{MergeRequests}/1/approvals", _alice);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["bob"], approvals!["approved_by"]!.AsArray().Select(a => (string)a!["user"]!["username"]!));

        Assert.Equal(HttpStatusCode.OK, _forge.Merge(1, _bob));

        (status, var merged) = _http.Send(HttpMethod.Get, $"{MergeRequests}/1", _alice);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("merged", (string?)merged!["state"]);
        Assert.Equal("bob", (string?)merged["merged_by"]!["username"]);
        var mergeCommit = GitRemote.Git(_remote.Bare, "rev-parse", "refs/heads/main").Trim();
        Assert.Equal(mergeCommit, (string?)merged["merge_commit_sha"]);
        Assert.Equal($"{mergeCommit} {mainBefore} {head}", GitRemote.Git(_remote.Bare, "rev-list", "--parents", "-n", "1", mergeCommit).Trim());
        Assert.Equal("Merge branch 'promote/staging' into 'main'\n\nPromote to staging\n\nSee merge request acme/shop!1", GitRemote.Git(_remote.Bare, "log", "-1", "--format=%B", mergeCommit).Trim());
        Assert.Equal("1.2.3\n", _remote.Show("main", "staging.txt"));

        var pull = Assert.Single(_forge.PullRequests);
        Assert.Equal(new[] { "merged", "alice", "promotion,staging", "Plan: retag blue", mergeCommit }, new[] { pull.State, pull.Author, string.Join(',', pull.Labels), string.Join('|', pull.Comments), pull.MergeCommitSha });
        Assert.Contains("PUT /api/v4/projects/acme%2Fshop/merge_requests/1/merge 200", _forge.Requests);
        _forge.AssertConformant();
    }

    [Fact]
    public void ARequestMissingARequiredBodyFieldIsAnsweredAsGitLabDoesAndRecorded()
    {
        PlainForgeClient.PushBranch(_remote, "promote/staging", "staging.txt", "1\n");

        var (status, body) = _http.Send(HttpMethod.Post, MergeRequests, _alice, new { source_branch = "promote/staging", target_branch = "main" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("title", (string?)body!["error"], StringComparison.Ordinal);
        var violation = Assert.Single(_forge.Violations);
        Assert.Contains("POST /api/v4/projects/acme%2Fshop/merge_requests", violation, StringComparison.Ordinal);
        Assert.Contains("title", violation, StringComparison.Ordinal);
        Assert.Empty(_forge.PullRequests);
        Assert.ThrowsAny<Exception>(_forge.AssertConformant);
    }

    [Fact]
    public void AnUnknownPathAndAnUnknownQueryParameterAreViolations()
    {
        Assert.Equal(HttpStatusCode.NotFound, _http.Send(HttpMethod.Get, "/projects/acme%2Fshop/pull_requests", _alice).Status);
        Assert.Equal(HttpStatusCode.BadRequest, _http.Send(HttpMethod.Get, $"{MergeRequests}?status=opened", _alice).Status);
        Assert.Equal(HttpStatusCode.BadRequest, _http.Send(HttpMethod.Get, $"{MergeRequests}?state=open", _alice).Status);

        var violations = _forge.Violations;
        Assert.Equal(3, violations.Count);
        Assert.Contains("no operation", violations[0], StringComparison.Ordinal);
        Assert.Contains("query parameter status is not one the operation takes", violations[1], StringComparison.Ordinal);
        Assert.Contains("query parameter state=open", violations[2], StringComparison.Ordinal);
    }

    [Fact]
    public void GitLabLetsTheAuthorApproveWhenTheProjectAllowsIt()
    {
        PlainForgeClient.PushBranch(_remote, "promote/staging", "staging.txt", "1\n");
        Assert.Equal(HttpStatusCode.Created, _http.Send(HttpMethod.Post, MergeRequests, _alice, new { source_branch = "promote/staging", target_branch = "main", title = "t" }).Status);

        Assert.Equal(HttpStatusCode.Created, _forge.Approve(1, _alice));
        Assert.Equal(HttpStatusCode.Unauthorized, _forge.Approve(1, _alice));
        Assert.Throws<NotSupportedException>(() => _forge.RequestChanges(1, _bob));
        _forge.AssertConformant();
    }

    [Fact]
    public void ADraftIsNotMergedUntilItIsMarkedReady()
    {
        PlainForgeClient.PushBranch(_remote, "promote/staging", "staging.txt", "1\n");
        var (status, created) = _http.Send(HttpMethod.Post, MergeRequests, _alice, new { source_branch = "promote/staging", target_branch = "main", title = "Draft: Promote" });
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.True((bool)created!["draft"]!);
        var mainBefore = GitRemote.Git(_remote.Bare, "rev-parse", "refs/heads/main").Trim();

        Assert.Equal(HttpStatusCode.MethodNotAllowed, _forge.Merge(1, _bob));
        Assert.Equal(mainBefore, GitRemote.Git(_remote.Bare, "rev-parse", "refs/heads/main").Trim());

        _forge.MarkReady(1);
        Assert.Equal(new[] { "Promote", "False" }, new[] { _forge.PullRequests[0].Title, _forge.PullRequests[0].Draft.ToString() });
        Assert.Equal(HttpStatusCode.OK, _forge.Merge(1, _bob));
        Assert.Equal("merged", Assert.Single(_forge.PullRequests).State);
        _forge.AssertConformant();
    }

    [Fact]
    public void AMissingSourceADuplicateAConflictAndABadTokenAreRefusedAsGitLabRefusesThem()
    {
        PlainForgeClient.PushBranch(_remote, "promote/staging", "README.md", "staging\n");
        PlainForgeClient.PushBranch(_remote, "hotfix", "README.md", "hotfix\n");
        var request = new { source_branch = "promote/staging", target_branch = "main", title = "t" };

        Assert.Equal(HttpStatusCode.Unauthorized, _http.Send(HttpMethod.Post, MergeRequests, null, request).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, _http.Send(HttpMethod.Post, MergeRequests, "glpat-unknown", request).Status);
        Assert.Equal((HttpStatusCode)422, _http.Send(HttpMethod.Post, MergeRequests, _alice, new { source_branch = "no-such-branch", target_branch = "main", title = "t" }).Status);
        Assert.Equal(HttpStatusCode.Created, _http.Send(HttpMethod.Post, MergeRequests, _alice, request).Status);
        var (status, duplicate) = _http.Send(HttpMethod.Post, MergeRequests, _alice, request);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("Another open merge request already exists for this source branch: !1", duplicate!.ToJsonString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Created, _http.Send(HttpMethod.Post, MergeRequests, _alice, new { source_branch = "hotfix", target_branch = "main", title = "hotfix" }).Status);
        Assert.Equal(HttpStatusCode.OK, _forge.Merge(2, _bob));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, _forge.Merge(1, _bob));
        Assert.Equal("conflict", (string?)_http.Send(HttpMethod.Get, $"{MergeRequests}/1", _alice).Body!["detailed_merge_status"]);
        _forge.AssertConformant();
    }

    [Fact]
    public void AJobTokenActsAsItsUserAndTheHeadCommitFollowsPushes()
    {
        PlainForgeClient.PushBranch(_remote, "promote/staging", "staging.txt", "1\n");
        Assert.Equal(HttpStatusCode.Created, _http.Send(HttpMethod.Post, MergeRequests, _alice, new { source_branch = "promote/staging", target_branch = "main", title = "t" }).Status);
        var moved = PlainForgeClient.PushBranch(_remote, "promote/staging", "staging.txt", "2\n", from: "promote/staging");

        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{_forge.ApiUrl}{MergeRequests}/1");
        request.Headers.Add("JOB-TOKEN", _bob);
        using var response = client.Send(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StreamReader(response.Content.ReadAsStream());
        Assert.Contains(moved, reader.ReadToEnd(), StringComparison.Ordinal);
        Assert.Equal(moved, Assert.Single(_forge.PullRequests).HeadSha);
        _forge.AssertConformant();
    }

    [Fact]
    public void APushToTheSourceBranchRemovesTheApprovals()
    {
        PlainForgeClient.PushBranch(_remote, "promote/staging", "staging.txt", "1\n");
        Assert.Equal(HttpStatusCode.Created, _http.Send(HttpMethod.Post, MergeRequests, _alice, new { source_branch = "promote/staging", target_branch = "main", title = "t" }).Status);
        Assert.Equal(HttpStatusCode.Created, _forge.Approve(1, _bob));
        Assert.True((bool)_http.Send(HttpMethod.Get, $"{MergeRequests}/1/approvals", _alice).Body!["approved"]!);

        PlainForgeClient.PushBranch(_remote, "promote/staging", "staging.txt", "2\n", from: "promote/staging");

        var approvals = _http.Send(HttpMethod.Get, $"{MergeRequests}/1/approvals", _alice).Body!;
        Assert.False((bool)approvals["approved"]!);
        Assert.Empty(approvals["approved_by"]!.AsArray());
        Assert.Equal(HttpStatusCode.Created, _forge.Approve(1, _bob));
        _forge.AssertConformant();
    }

    public void Dispose()
    {
        _http.Dispose();
        _forge.Dispose();
        _remote.Dispose();
    }
}
