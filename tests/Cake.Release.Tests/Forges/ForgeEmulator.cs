using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Forges;

/// <summary>
/// Test double: GitHub or GitLab over a real bare repository. Not a forge. Nothing like either runs on these
/// machines, so tests of promotion by pull request run this instead: it keeps pull requests, reviews and merges
/// (a merge is a real <c>git merge --no-ff</c> pushed to the base branch of the bare repository), serves the REST
/// calls listed in /work/notes/forge-api.md on 127.0.0.1, and validates every request and every answer against the
/// forge's official OpenAPI description (<see cref="OpenApiDescription"/>). A request the real API would refuse is
/// answered as the forge answers it and recorded in <see cref="Violations"/>; every test using the emulator ends with
/// <see cref="AssertConformant"/>.
/// </summary>
/// <remarks>
/// Checked for every request: the method and path are an operation of the description; path and query parameters
/// (required, known, typed, enumerated); the JSON body against its schema; the rules the descriptions state only in
/// words that the emulator knows (GitHub: a title unless an issue, a body for REQUEST_CHANGES and COMMENT, head as
/// user:ref-name; GitLab: at least one attribute on update). Checked for every answer: the status is declared and the
/// body matches that status's schema. Not checked: headers (Accept, API version, Content-Type), 401 answers (forges
/// authenticate before routing, so most operations do not declare 401), string formats other than date-time, uri and
/// email. GitLab's description is its trimmed official one plus Specs/gitlab-rest-docs-supplement.yaml, written by hand
/// from GitLab's REST documentation for what the official one lacks (GET /user, notes) or types wrongly.
/// </remarks>
public sealed class ForgeEmulator : IDisposable
{
    // One request at a time: the project and the bare repository change under it, as a forge serialises per repository.
    private readonly Lock _gate = new();
    private readonly HttpListener _listener;
    private readonly HttpClient _client = new();
    private readonly ForgeProject _project;
    private readonly IForgeApi _api;
    private readonly ForgeRequestPipeline _pipeline;
    private readonly Task _loop;

    private ForgeEmulator(string bareRepository, string project, Func<ForgeProject, string, IForgeApi> api)
    {
        (_listener, Port) = FreePorts.Listener();

        Root = $"http://127.0.0.1:{Port}";
        _project = new ForgeProject(bareRepository, project);
        _api = api(_project, Root);
        _pipeline = new ForgeRequestPipeline(_api, _project);
        _loop = Task.Run(Serve);
    }

    /// <summary>GitHub's REST API (as at https://api.github.com) over a bare repository, the project as owner/repo.</summary>
    public static ForgeEmulator GitHub(string bareRepository, string project = "acme/shop") => new(bareRepository, project, (p, root) => new GitHubApi(p, root));

    /// <summary>GitLab's REST API v4 (as at https://gitlab.com/api/v4) over a bare repository, the project as its path.</summary>
    public static ForgeEmulator GitLab(string bareRepository, string project = "acme/shop") => new(bareRepository, project, (p, root) => new GitLabApi(p, root));

    /// <summary>"github" or "gitlab".</summary>
    public string Kind => _api.Kind;

    public int Port { get; }

    /// <summary>Where web pages would be: http://127.0.0.1:port.</summary>
    public string Root { get; }

    /// <summary>GitHub: http://127.0.0.1:port; GitLab: http://127.0.0.1:port/api/v4.</summary>
    public string ApiUrl => Root + _api.ApiPrefix;

    /// <summary>The repository (GitHub) or project path (GitLab), "acme/shop".</summary>
    public string Project => _project.Path;

    /// <summary>Every request served, as "POST /repos/acme/shop/pulls 201", in order.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_gate)
            {
                return _pipeline.Requests.ToList();
            }
        }
    }

    /// <summary>Every way a request or an answer broke the forge's description, one line each.</summary>
    public IReadOnlyList<string> Violations
    {
        get
        {
            lock (_gate)
            {
                return _pipeline.Violations.ToList();
            }
        }
    }

    public IReadOnlyList<EmulatedPullRequest> PullRequests
    {
        get
        {
            lock (_gate)
            {
                return _project.PullRequests.Select(p => new EmulatedPullRequest(
                    p.Number, p.Title, p.Body, p.Head, p.Base, p.Draft, p.State, p.Author, p.Labels.ToList(),
                    p.Comments.Select(c => c.Body).ToList(), _project.HeadSha(p), p.MergeCommitSha, _api.WebUrl(p))).ToList();
            }
        }
    }

    /// <summary>
    /// GitHub only: records that <paramref name="user"/> approved (or rejected) workflow run <paramref name="run"/>'s
    /// deployment to <paramref name="environment"/>, as the environment's required reviewers do in GitHub's UI; the
    /// run's review log (actions/get-reviews-for-run) then lists it.
    /// </summary>
    public void ReviewRun(long run, string environment, string user, string state = "approved")
    {
        lock (_gate)
        {
            _project.AddUser(user, _api.TokenPrefix);
            if (!_project.RunReviews.TryGetValue(run, out var reviews))
            {
                _project.RunReviews[run] = reviews = [];
            }

            reviews.Add((environment, user, state));
        }
    }

    /// <summary>
    /// GitLab only: a deployment of CI job <paramref name="job"/> to the protected environment <paramref name="environment"/>,
    /// with the approvals (user, approved or rejected) its approvers gave in GitLab's UI.
    /// </summary>
    public void DeployJob(long job, string environment, params (string User, string Status)[] approvals)
    {
        lock (_gate)
        {
            foreach (var (user, _) in approvals)
            {
                _project.AddUser(user, _api.TokenPrefix);
            }

            _project.Deployments.Add((_project.Deployments.Count + 100, job, environment, approvals.ToList()));
        }
    }

    /// <summary>A user of the forge; returns a new random personal access token for that user.</summary>
    public string AddUser(string login)
    {
        lock (_gate)
        {
            return _project.AddUser(login, _api.TokenPrefix);
        }
    }

    /// <summary>
    /// Approves through the API, as a reviewer would: GitHub, a review with event APPROVE on the head commit read with
    /// GET pulls/{number}; GitLab, POST .../approve with that sha.
    /// </summary>
    public HttpStatusCode Approve(int number, string token)
    {
        var sha = HeadShaThroughApi(number, token);
        return Kind == "github"
            ? Send(HttpMethod.Post, $"/repos/{Project}/pulls/{number}/reviews", token, new JsonObject { ["commit_id"] = sha, ["event"] = "APPROVE" })
            : Send(HttpMethod.Post, $"/projects/{ProjectId}/merge_requests/{number}/approve", token, sha is null ? null : new JsonObject { ["sha"] = sha });
    }

    /// <summary>A review requesting changes (GitHub only: GitLab has no such review state).</summary>
    public HttpStatusCode RequestChanges(int number, string token)
    {
        if (Kind != "github")
        {
            throw new NotSupportedException("GitLab has no review that requests changes; leave the merge request unapproved instead.");
        }

        var sha = HeadShaThroughApi(number, token);
        return Send(HttpMethod.Post, $"/repos/{Project}/pulls/{number}/reviews", token, new JsonObject { ["commit_id"] = sha, ["body"] = "Changes requested.", ["event"] = "REQUEST_CHANGES" });
    }

    /// <summary>Merges through the API (PUT .../merge), as the merge button does: a merge commit on the base branch.</summary>
    public HttpStatusCode Merge(int number, string token) => Kind == "github"
        ? Send(HttpMethod.Put, $"/repos/{Project}/pulls/{number}/merge", token, new JsonObject { ["merge_method"] = "merge" })
        : Send(HttpMethod.Put, $"/projects/{ProjectId}/merge_requests/{number}/merge", token, new JsonObject());

    /// <summary>
    /// Marks a draft ready for review. GitHub has no REST endpoint for it (GraphQL markPullRequestReadyForReview), so
    /// this changes the emulator's state directly; on GitLab it is a real PUT of the title without "Draft: ", by the author.
    /// </summary>
    public void MarkReady(int number)
    {
        PullRequestRecord pull;
        lock (_gate)
        {
            pull = _project.Find(number) ?? throw new ArgumentException($"there is no pull request {number}", nameof(number));
            if (Kind == "github")
            {
                pull.Draft = false;
                pull.UpdatedAt = DateTimeOffset.UtcNow;
                return;
            }
        }

        var status = Send(HttpMethod.Put, $"/projects/{ProjectId}/merge_requests/{number}", _project.TokenOf(pull.Author), new JsonObject { ["title"] = GitLabApi.WithoutDraftPrefix(pull.Title) });
        if (status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"marking merge request !{number} ready answered {(int)status}");
        }
    }

    /// <summary>Fails the test, listing every violation, when any request or answer broke the forge's description.</summary>
    public void AssertConformant()
    {
        var violations = Violations;
        if (violations.Count > 0)
        {
            Assert.Fail($"the {Kind} emulator recorded {violations.Count} violation(s) of {Kind}'s OpenAPI description:\n  "
                + string.Join("\n  ", violations) + "\nrequests:\n  " + string.Join("\n  ", Requests));
        }
    }

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _client.Dispose();
    }

    private string ProjectId => Uri.EscapeDataString(Project);

    private string? HeadShaThroughApi(int number, string token)
    {
        var path = Kind == "github" ? $"/repos/{Project}/pulls/{number}" : $"/projects/{ProjectId}/merge_requests/{number}";
        using var response = _client.Send(Request(HttpMethod.Get, path, token, null));
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var json = JsonNode.Parse(response.Content.ReadAsStream());
        return (string?)(Kind == "github" ? json?["head"]?["sha"] : json?["sha"]);
    }

    private HttpStatusCode Send(HttpMethod method, string path, string token, JsonObject? body)
    {
        using var response = _client.Send(Request(method, path, token, body));
        return response.StatusCode;
    }

    // The headers each forge's clients send (forge-api.md): GitHub's media type and API version, GitLab's token header.
    private HttpRequestMessage Request(HttpMethod method, string path, string token, JsonObject? body)
    {
        var request = new HttpRequestMessage(method, ApiUrl + path);
        if (Kind == "github")
        {
            request.Headers.Add("Authorization", $"Bearer {token}");
            request.Headers.Add("Accept", "application/vnd.github+json");
            request.Headers.Add("X-GitHub-Api-Version", "2022-11-28");
            request.Headers.Add("User-Agent", "Cake.Release.Tests");
        }
        else
        {
            request.Headers.Add("PRIVATE-TOKEN", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => Answer(context));
        }
    }

    private void Answer(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            var raw = request.RawUrl ?? "/";
            var question = raw.IndexOf('?', StringComparison.Ordinal);
            var (path, query) = question < 0 ? (raw, "") : (raw[..question], raw[(question + 1)..]);
            using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
            var body = reader.ReadToEnd();
            ForgeAnswer answer;
            lock (_gate)
            {
                answer = _pipeline.Handle(request.HttpMethod, path, query, request.Headers, body);
            }

            response.StatusCode = answer.Status;
            foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
            {
                response.AddHeader(name, value);
            }

            if (answer.Body is not null)
            {
                var bytes = Encoding.UTF8.GetBytes(answer.Body.ToJsonString());
                response.ContentType = "application/json; charset=utf-8";
                response.ContentLength64 = bytes.Length;
                response.OutputStream.Write(bytes);
            }
        }
        finally
        {
            response.Close();
        }
    }
}
