using System.Net;
using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Forges;

/// <summary>The GitHub forge emulator (a test double over a real bare repository), through plain HTTP.</summary>
public sealed class GitHubEmulatorTests : IDisposable
{
    private readonly GitRemote _remote = new();
    private readonly ForgeEmulator _forge;
    private readonly PlainForgeClient _http;
    private readonly string _alice;
    private readonly string _bob;

    public GitHubEmulatorTests()
    {
        _forge = ForgeEmulator.GitHub(_remote.Bare);
        _http = new PlainForgeClient(_forge);
        _alice = _forge.AddUser("alice");
        _bob = _forge.AddUser("bob");
    }

    [Fact]
    public void AConformingOpenReviewMergeRoundTripLeavesARealMergeCommitOnTheBaseBranch()
    {
        var mainBefore = GitRemote.Git(_remote.Bare, "rev-parse", "refs/heads/main").Trim();
        var head = PlainForgeClient.PushBranch(_remote, "promote/staging", "staging.txt", "1.2.3\n");

        var (status, me) = _http.Send(HttpMethod.Get, "/user", _alice);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("alice", (string?)me!["login"]);
        (status, var none) = _http.Send(HttpMethod.Get, "/repos/acme/shop/pulls?state=all&head=acme:promote/staging&base=main&per_page=100", _alice);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(none!.AsArray());

        (status, var created) = _http.Send(HttpMethod.Post, "/repos/acme/shop/pulls", _alice, new { title = "Promote to staging", head = "promote/staging", @base = "main", body = "blue 1.2.3", draft = false });
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(1, (int)created!["number"]!);
        Assert.Equal(head, (string?)created["head"]!["sha"]);
        Assert.Equal($"{_forge.Root}/acme/shop/pull/1", (string?)created["html_url"]);
        Assert.Equal(HttpStatusCode.OK, _http.Send(HttpMethod.Post, "/repos/acme/shop/issues/1/labels", _alice, new { labels = new[] { "promotion", "staging" } }).Status);
        Assert.Equal(HttpStatusCode.Created, _http.Send(HttpMethod.Post, "/repos/acme/shop/issues/1/comments", _alice, new { body = "Plan: retag blue" }).Status);

        Assert.Equal(HttpStatusCode.OK, _forge.Approve(1, _bob));
        (status, var reviews) = _http.Send(HttpMethod.Get, "/repos/acme/shop/pulls/1/reviews?per_page=100", _alice);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["bob APPROVED " + head], reviews!.AsArray().Select(r => $"{r!["user"]!["login"]} {r["state"]} {r["commit_id"]}"));

        Assert.Equal(HttpStatusCode.OK, _forge.Merge(1, _bob));

        (status, var merged) = _http.Send(HttpMethod.Get, "/repos/acme/shop/pulls/1", _alice);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("closed", (string?)merged!["state"]);
        Assert.True((bool)merged["merged"]!);
        Assert.Equal("bob", (string?)merged["merged_by"]!["login"]);
        var mergeCommit = GitRemote.Git(_remote.Bare, "rev-parse", "refs/heads/main").Trim();
        Assert.Equal(mergeCommit, (string?)merged["merge_commit_sha"]);
        Assert.Equal($"{mergeCommit} {mainBefore} {head}", GitRemote.Git(_remote.Bare, "rev-list", "--parents", "-n", "1", mergeCommit).Trim());
        Assert.Equal("Merge pull request #1 from acme/promote/staging\n\nPromote to staging", GitRemote.Git(_remote.Bare, "log", "-1", "--format=%B", mergeCommit).Trim());
        Assert.Equal("1.2.3\n", _remote.Show("main", "staging.txt"));

        var pull = Assert.Single(_forge.PullRequests);
        Assert.Equal(new[] { "merged", "alice", "promotion,staging", "Plan: retag blue", mergeCommit }, new[] { pull.State, pull.Author, string.Join(',', pull.Labels), string.Join('|', pull.Comments), pull.MergeCommitSha });
        Assert.Equal(
            ["GET /user 200", "GET /repos/acme/shop/pulls 200", "POST /repos/acme/shop/pulls 201", "POST /repos/acme/shop/issues/1/labels 200", "POST /repos/acme/shop/issues/1/comments 201",
             "GET /repos/acme/shop/pulls/1 200", "POST /repos/acme/shop/pulls/1/reviews 200", "GET /repos/acme/shop/pulls/1/reviews 200", "PUT /repos/acme/shop/pulls/1/merge 200", "GET /repos/acme/shop/pulls/1 200"],
            _forge.Requests);
        _forge.AssertConformant();
    }

    [Fact]
    public void ARequestMissingARequiredBodyFieldIsAnsweredAsGitHubDoesAndRecorded()
    {
        PlainForgeClient.PushBranch(_remote, "promote/staging", "staging.txt", "1\n");

        var (status, body) = _http.Send(HttpMethod.Post, "/repos/acme/shop/pulls", _alice, new { title = "no head", @base = "main" });

        Assert.Equal((HttpStatusCode)422, status);
        Assert.Equal("Invalid request.\n\n\"head\" wasn't supplied.", (string?)body!["message"]);
        Assert.NotNull(body["errors"]);
        Assert.Equal("https://docs.github.com/rest/pulls/pulls#create-a-pull-request", (string?)body["documentation_url"]);
        var violation = Assert.Single(_forge.Violations);
        Assert.Contains("POST /repos/acme/shop/pulls", violation, StringComparison.Ordinal);
        Assert.Contains("head", violation, StringComparison.Ordinal);
        Assert.Empty(_forge.PullRequests);
        var failure = Assert.ThrowsAny<Exception>(_forge.AssertConformant);
        Assert.Contains(violation, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownPathAnUnknownQueryParameterAndAWrongTypeAreViolations()
    {
        Assert.Equal(HttpStatusCode.NotFound, _http.Send(HttpMethod.Get, "/repos/acme/shop/pull-requests", _alice).Status);
        Assert.Equal((HttpStatusCode)422, _http.Send(HttpMethod.Get, "/repos/acme/shop/pulls?status=open", _alice).Status);
        Assert.Equal((HttpStatusCode)422, _http.Send(HttpMethod.Get, "/repos/acme/shop/pulls?state=merged", _alice).Status);
        Assert.Equal((HttpStatusCode)422, _http.Send(HttpMethod.Post, "/repos/acme/shop/pulls", _alice, new { title = "t", head = "x", @base = "main", draft = "yes" }).Status);

        var violations = _forge.Violations;
        Assert.Equal(4, violations.Count);
        Assert.Contains("GET /repos/acme/shop/pull-requests: no operation", violations[0], StringComparison.Ordinal);
        Assert.Contains("query parameter status is not one the operation takes", violations[1], StringComparison.Ordinal);
        Assert.Contains("query parameter state=merged", violations[2], StringComparison.Ordinal);
        Assert.Contains("/draft", violations[3], StringComparison.Ordinal);
    }

    [Fact]
    public void GitHubRefusesAnApprovalOrRequestForChangesByThePullRequestsAuthor()
    {
        PlainForgeClient.PushBranch(_remote, "promote/staging", "staging.txt", "1\n");
        Assert.Equal(HttpStatusCode.Created, _http.Send(HttpMethod.Post, "/repos/acme/shop/pulls", _alice, new { title = "t", head = "promote/staging", @base = "main" }).Status);

        Assert.Equal((HttpStatusCode)422, _forge.Approve(1, _alice));
        var (status, refusal) = _http.Send(HttpMethod.Post, "/repos/acme/shop/pulls/1/reviews", _alice, new { @event = "APPROVE" });
        Assert.Equal((HttpStatusCode)422, status);
        Assert.Equal("Can not approve your own pull request", (string?)refusal!["errors"]![0]);
        Assert.Equal((HttpStatusCode)422, _forge.RequestChanges(1, _alice));
        Assert.Equal(HttpStatusCode.OK, _forge.RequestChanges(1, _bob));

        Assert.Equal(["bob CHANGES_REQUESTED"], _http.Send(HttpMethod.Get, "/repos/acme/shop/pulls/1/reviews", _alice).Body!.AsArray().Select(r => $"{r!["user"]!["login"]} {r["state"]}"));
        _forge.AssertConformant();
    }

    [Fact]
    public void ADraftIsNotMergedUntilItIsMarkedReady()
    {
        PlainForgeClient.PushBranch(_remote, "promote/staging", "staging.txt", "1\n");
        Assert.Equal(HttpStatusCode.Created, _http.Send(HttpMethod.Post, "/repos/acme/shop/pulls", _alice, new { title = "t", head = "promote/staging", @base = "main", draft = true }).Status);
        var mainBefore = GitRemote.Git(_remote.Bare, "rev-parse", "refs/heads/main").Trim();

        Assert.Equal(HttpStatusCode.MethodNotAllowed, _forge.Merge(1, _bob));
        Assert.Equal(mainBefore, GitRemote.Git(_remote.Bare, "rev-parse", "refs/heads/main").Trim());

        _forge.MarkReady(1);
        Assert.Equal(HttpStatusCode.OK, _forge.Merge(1, _bob));
        Assert.Equal("merged", Assert.Single(_forge.PullRequests).State);
        _forge.AssertConformant();
    }

    [Fact]
    public void AMissingHeadADuplicateAConflictAndABadTokenAreRefusedAsGitHubRefusesThem()
    {
        PlainForgeClient.PushBranch(_remote, "promote/staging", "README.md", "staging\n");
        PlainForgeClient.PushBranch(_remote, "hotfix", "README.md", "hotfix\n");
        var pull = new { title = "t", head = "promote/staging", @base = "main" };

        Assert.Equal(HttpStatusCode.Unauthorized, _http.Send(HttpMethod.Post, "/repos/acme/shop/pulls", null, pull).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, _http.Send(HttpMethod.Post, "/repos/acme/shop/pulls", "ghp_unknown", pull).Status);
        Assert.Equal((HttpStatusCode)422, _http.Send(HttpMethod.Post, "/repos/acme/shop/pulls", _alice, new { title = "t", head = "no-such-branch", @base = "main" }).Status);
        Assert.Equal(HttpStatusCode.Created, _http.Send(HttpMethod.Post, "/repos/acme/shop/pulls", _alice, pull).Status);
        var (status, duplicate) = _http.Send(HttpMethod.Post, "/repos/acme/shop/pulls", _alice, pull);
        Assert.Equal((HttpStatusCode)422, status);
        Assert.Contains("A pull request already exists for acme:promote/staging.", duplicate!.ToJsonString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Created, _http.Send(HttpMethod.Post, "/repos/acme/shop/pulls", _alice, new { title = "hotfix", head = "hotfix", @base = "main" }).Status);
        Assert.Equal(HttpStatusCode.OK, _forge.Merge(2, _bob));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, _forge.Merge(1, _bob));
        Assert.Equal("dirty", (string?)_http.Send(HttpMethod.Get, "/repos/acme/shop/pulls/1", _alice).Body!["mergeable_state"]);
        _forge.AssertConformant();
    }

    [Fact]
    public void TheHeadCommitIsReadFromTheBareRepositoryOnEveryRequest()
    {
        PlainForgeClient.PushBranch(_remote, "promote/staging", "staging.txt", "1\n");
        Assert.Equal(HttpStatusCode.Created, _http.Send(HttpMethod.Post, "/repos/acme/shop/pulls", _alice, new { title = "t", head = "promote/staging", @base = "main" }).Status);

        var moved = PlainForgeClient.PushBranch(_remote, "promote/staging", "staging.txt", "2\n", from: "promote/staging");

        Assert.Equal(moved, (string?)_http.Send(HttpMethod.Get, "/repos/acme/shop/pulls/1", _alice).Body!["head"]!["sha"]);
        Assert.Equal(moved, Assert.Single(_forge.PullRequests).HeadSha);
        Assert.Equal(2, (int)_http.Send(HttpMethod.Get, "/repos/acme/shop/pulls/1", _alice).Body!["commits"]!);
        _forge.AssertConformant();
    }

    [Fact]
    public void ListsArePagedAsGitHubPagesThem()
    {
        foreach (var branch in new[] { "a", "b", "c" })
        {
            PlainForgeClient.PushBranch(_remote, branch, $"{branch}.txt", "1\n");
            Assert.Equal(HttpStatusCode.Created, _http.Send(HttpMethod.Post, "/repos/acme/shop/pulls", _alice, new { title = branch, head = branch, @base = "main" }).Status);
        }

        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{_forge.ApiUrl}/repos/acme/shop/pulls?state=open&per_page=2");
        request.Headers.Add("Authorization", $"token {_alice}");
        request.Headers.Add("User-Agent", "Cake.Release.Tests");
        using var first = client.Send(request);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal($"<{_forge.ApiUrl}/repos/acme/shop/pulls?state=open&per_page=2&page=2>; rel=\"next\"", string.Join(",", first.Headers.GetValues("Link")));
        Assert.Equal([3, 2], _http.Send(HttpMethod.Get, "/repos/acme/shop/pulls?per_page=2", _alice).Body!.AsArray().Select(p => (int)p!["number"]!));
        Assert.Equal([1], _http.Send(HttpMethod.Get, "/repos/acme/shop/pulls?per_page=2&page=2", _alice).Body!.AsArray().Select(p => (int)p!["number"]!));
        Assert.Equal([2], _http.Send(HttpMethod.Get, "/repos/acme/shop/pulls?head=acme:b&base=main", _alice).Body!.AsArray().Select(p => (int)p!["number"]!));
        _forge.AssertConformant();

        Assert.Equal(HttpStatusCode.OK, _http.Send(HttpMethod.Get, "/repos/acme/shop/pulls?head=b", _alice).Status);
        Assert.Contains("head=b is not in the format user:ref-name", Assert.Single(_forge.Violations), StringComparison.Ordinal);
    }

    [Fact]
    public void TheApiIsAlsoServedBelowApiV3AsGitHubEnterpriseServesIt()
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{_forge.Root}/api/v3/user");
        request.Headers.Add("Authorization", $"Bearer {_bob}");
        request.Headers.Add("User-Agent", "Cake.Release.Tests");
        using var response = client.Send(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["GET /api/v3/user 200"], _forge.Requests);
        _forge.AssertConformant();
    }

    public void Dispose()
    {
        _http.Dispose();
        _forge.Dispose();
        _remote.Dispose();
    }
}
