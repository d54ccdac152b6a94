using System.Text;
using System.Text.Json;
using Cake.Release.Tests.Infrastructure;
using Cake.Release.Tests.Yaml;
using YamlDotNet.RepresentationModel;

namespace Cake.Release.Tests.CiExamples;

/// <summary>
/// The shell of every CI example runs under bash with hostile inputs (spaces, globs, command substitutions, fake
/// arguments) in a folder with files a glob would match: each input must reach <c>./build.sh</c> as exactly the one
/// argument value it was, and the approvers of a production promotion must be the ones the CI system recorded as
/// approving that deployment, never free text. <c>./build.sh</c>, <c>gh</c> and <c>curl</c> are test doubles (no CI
/// system runs here): the first records its arguments, the others answer with responses shaped as the GitHub REST
/// API ("Get the review history for a workflow run") and the GitLab API (deployments) document them, filtered by the
/// real jq. A pull request's event fields (its head branch, labels, whether it was merged) are hostile too: labels are
/// free text anyone with triage access writes.
/// </summary>
public sealed class CiScriptTests : IDisposable
{
    // One hostile value per input; each must arrive whole.
    private static readonly Dictionary<string, string> Inputs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["service"] = "blue * $(touch pwned) --approver=eve",
        ["environment"] = "production $(touch pwned) [ab]*",
        ["version"] = "1.4.0 ?lpha `touch pwned`",
        ["commit"] = "3f2c1a0 *",
        ["line"] = "1.4 [ab]*",
        ["approvers"] = "eve,* mallory",
    };

    // GitHub: alice and bob approved production; mallory rejected it; stan approved only staging.
    private const string GitHubApprovals = """
        [
          {"environments": [{"id": 161088068, "node_id": "MDExOkVudmlyb25tZW50MTYxMDg4MDY4", "name": "production", "url": "https://api.github.com/repos/acme/shop/environments/production", "html_url": "https://github.com/acme/shop/deployments/activity_log?environments_filter=production", "created_at": "2020-11-23T22:00:40Z", "updated_at": "2020-11-23T22:00:40Z"}],
           "state": "approved", "user": {"login": "alice", "id": 1, "type": "User"}, "comment": "ship it"},
          {"environments": [{"id": 161088068, "name": "production"}], "state": "rejected", "user": {"login": "mallory", "id": 2, "type": "User"}, "comment": "no"},
          {"environments": [{"id": 161088069, "name": "staging"}], "state": "approved", "user": {"login": "stan", "id": 3, "type": "User"}, "comment": ""},
          {"environments": [{"id": 161088068, "name": "production"}], "state": "approved", "user": {"login": "bob", "id": 4, "type": "User"}, "comment": ""}
        ]
        """;

    // GitLab: job 777's deployment is 101; alice and bob approved it, mallory rejected; deployment 100 is another job's.
    private const string GitLabDeployments = """
        [
          {"id": 101, "iid": 9, "ref": "main", "sha": "a91957a858320c0e17f3a0eca7cfacbff50ea29a", "status": "running", "environment": {"id": 9, "name": "production"}, "deployable": {"id": 777, "status": "running", "stage": "promote", "name": "promote-production"}},
          {"id": 100, "iid": 8, "ref": "main", "sha": "b83d6e391c22777fca1ed3012fce84f633d7fed0", "status": "running", "environment": {"id": 9, "name": "production"}, "deployable": {"id": 555, "status": "running", "stage": "promote", "name": "promote-production"}}
        ]
        """;

    private const string GitLabDeployment = """
        {"id": 101, "iid": 9, "status": "running", "environment": {"id": 9, "name": "production"}, "deployable": {"id": 777},
         "pending_approval_count": 0,
         "approvals": [
           {"user": {"id": 1, "name": "Alice", "username": "alice", "state": "active"}, "status": "approved", "created_at": "2022-02-24T20:22:30.097Z", "comment": "ok"},
           {"user": {"id": 2, "name": "Mallory", "username": "mallory", "state": "active"}, "status": "rejected", "created_at": "2022-02-24T20:22:31.097Z", "comment": "no"},
           {"user": {"id": 3, "name": "Bob", "username": "bob", "state": "active"}, "status": "approved", "created_at": "2022-02-24T20:22:32.097Z", "comment": ""}
         ]}
        """;

    // The GitHub event of complete-pull-request.yml: a merged promotion pull request, labelled as PromoteEnv labels it,
    // with hostile names in its labels and head branch.
    private static readonly Dictionary<string, string> MergedPromotion = GitHubPullRequestEvent(
        merged: true, $"promote/{Inputs["environment"]}/{Inputs["service"]}-{Inputs["version"]}", "promotion", $"env:{Inputs["environment"]}", $"service:{Inputs["service"]}");

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string, string> GitHubSteps()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "examples", "ci", "github"), "*.yml").Order(StringComparer.Ordinal))
        {
            foreach (var (job, _, _) in GitHubJobs(file))
            {
                data.Add(Path.GetFileName(file), job);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GitHubSteps))]
    public void A_GitHub_job_passes_every_input_whole_and_only_verified_approvers(string workflow, string job)
    {
        var (_, environment, scripts) = GitHubJobs(Path.Combine(RepositoryPaths.Root, "examples", "ci", "github", workflow)).Single(j => j.Job == job);
        Assert.DoesNotContain(InputNames(workflow), name => name.Contains("approver", StringComparison.OrdinalIgnoreCase));
        foreach (var script in scripts)
        {
            Assert.False(script.Contains("${{", StringComparison.Ordinal), $"{workflow} job {job}: an expression pasted into the script; pass it through env: instead:\n{script}");
        }

        var calls = Run(string.Join("\n", scripts), environment, new Dictionary<string, string>
        {
            ["GITHUB_REPOSITORY"] = "acme/shop",
            ["GITHUB_RUN_ID"] = "42",
        });

        AssertInputsWhole(calls, $"{workflow} job {job}");
        foreach (var call in calls.Where(c => c.Arguments.Contains("--target=PromoteProduction")))
        {
            Assert.Equal("alice,bob", call.Approvers);
        }
    }

    [Theory]
    [InlineData("deploy-dev")]
    [InlineData("promote-staging")]
    [InlineData("promote-production")]
    [InlineData("hotfix")]
    [InlineData("promote-by-merge-request")]
    public void A_GitLab_job_passes_every_input_whole_and_only_verified_approvers(string job)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "examples", "ci", "gitlab", ".gitlab-ci.yml"))));
        var root = (YamlMappingNode)stream.Documents.Single().RootNode;
        var script = string.Join("\n", ((YamlSequenceNode)((YamlMappingNode)root[job])["script"]).Children.Select(c => ((YamlScalarNode)c).Value));
        var variables = ((YamlMappingNode)root["variables"]).Children.Select(p => ((YamlScalarNode)p.Key).Value!).ToList();
        Assert.DoesNotContain(variables, v => v.Contains("APPROVER", StringComparison.OrdinalIgnoreCase));

        var environment = new Dictionary<string, string>
        {
            ["SERVICE"] = Inputs["service"],
            ["ENVIRONMENT"] = Inputs["environment"],
            ["VERSION"] = Inputs["version"],
            ["COMMIT"] = Inputs["commit"],
            ["LINE"] = Inputs["line"],
            ["CHANGED_SERVICES"] = "blue * green ",
        };
        var calls = Run(script, environment, new Dictionary<string, string>
        {
            ["CI_API_V4_URL"] = "https://gitlab.example.com/api/v4",
            ["CI_PROJECT_ID"] = "7",
            ["CI_JOB_ID"] = "777",
            ["CI_ENVIRONMENT_NAME"] = "production",
            ["RELEASE_API_TOKEN"] = "glpat-test",
        });

        if (job == "deploy-dev")
        {
            Assert.Equal(["--target=DeployDev", "--service=blue", "--service=*", "--service=green"], Assert.Single(calls).Arguments);
            return;
        }

        AssertInputsWhole(calls, $"gitlab job {job}");
        foreach (var call in calls.Where(c => c.Arguments.Contains("--target=PromoteProduction")))
        {
            Assert.Equal("alice,bob", call.Approvers);
        }
    }

    [Fact]
    public void Completing_a_merged_promotion_passes_its_labels_whole_and_the_version_its_head_branch_names()
    {
        var (result, calls) = CompletePullRequest(MergedPromotion);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["--target=PromoteEnv", $"--to={Inputs["environment"]}", $"--service={Inputs["service"]}", $"--version={Inputs["version"]}"], Assert.Single(calls).Arguments);
        Assert.Equal("<unset>", calls[0].Approvers);
    }

    [Fact]
    public void Completing_a_merged_rollback_runs_Rollback_with_the_version_it_returns_to()
    {
        var (result, calls) = CompletePullRequest(GitHubPullRequestEvent(
            merged: true, $"rollback/{Inputs["environment"]}/{Inputs["service"]}-{Inputs["version"]}", "rollback", $"service:{Inputs["service"]}", $"env:{Inputs["environment"]}"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["--target=Rollback", $"--env={Inputs["environment"]}", $"--service={Inputs["service"]}", $"--version={Inputs["version"]}"], Assert.Single(calls).Arguments);
    }

    [Theory]
    [InlineData(false, "promote/staging/blue-1.4.0")] // closed without a merge
    [InlineData(false, "rollback/staging/blue-1.3.0")]
    [InlineData(true, "backport/staging/blue-1.4.1")] // a back-port is done once merged
    [InlineData(true, "feature/promote/staging/blue-1.4.0")]
    [InlineData(true, "promote")]
    public void A_pull_request_with_nothing_left_to_complete_runs_nothing(bool merged, string head)
    {
        var (result, calls) = CompletePullRequest(GitHubPullRequestEvent(merged, head, "promotion", "env:staging", "service:blue"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(calls);
    }

    [Theory]
    [InlineData("promotion", "service:blue")] // no env: label
    [InlineData("env:staging", "env:production", "service:blue")] // two
    [InlineData("env:production", "service:blue")] // another environment than the head branch's
    [InlineData("env:staging", "service:blue-1.4")] // the head branch names another service (or version)
    [InlineData("env:*", "service:*")] // a pattern, never matched as one
    [InlineData("env:staging/blue-1.4.0", "service:")]
    public void Labels_that_do_not_name_the_head_branch_complete_nothing(params string[] labels)
    {
        var (result, calls) = CompletePullRequest(GitHubPullRequestEvent(merged: true, "promote/staging/blue-1.4.0", labels));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Empty(calls);
    }

    [Theory]
    [InlineData("merge")]
    [InlineData("squash")]
    [InlineData("fast-forward")]
    public void A_GitLab_merge_of_a_promotion_completes_it_with_its_labels_whole(string method)
    {
        var source = $"promote/{Inputs["environment"]}/{Inputs["service"]}-{Inputs["version"]}";
        var (result, calls) = CompleteMergeRequest(
            GitLabMergeRequest(12, "merged", source, "gitops/production-releases", method, "promotion", $"env:{Inputs["environment"]}", $"service:{Inputs["service"]}"),
            GitLabMergeRequest(11, "opened", "promote/production/green-2.0.0", "gitops/production-releases", null, "promotion", "env:production", "service:green"),
            GitLabMergeRequest(10, "merged", "promote/staging/blue-1.4.0", "gitops/staging-releases", method, "promotion", "env:staging", "service:blue"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["--target=PromoteEnv", $"--to={Inputs["environment"]}", $"--service={Inputs["service"]}", $"--version={Inputs["version"]}"], Assert.Single(calls).Arguments);
        Assert.Equal("<unset>", calls[0].Approvers);
    }

    [Fact]
    public void A_GitLab_merge_of_a_rollback_runs_Rollback()
    {
        var (result, calls) = CompleteMergeRequest(
            GitLabMergeRequest(12, "merged", $"rollback/{Inputs["environment"]}/{Inputs["service"]}-{Inputs["version"]}", "gitops/production-releases", "merge", "rollback", $"env:{Inputs["environment"]}", $"service:{Inputs["service"]}"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["--target=Rollback", $"--env={Inputs["environment"]}", $"--service={Inputs["service"]}", $"--version={Inputs["version"]}"], Assert.Single(calls).Arguments);
    }

    [Theory]
    [InlineData("none")] // a deploy, a push-mode promotion, the completion's own commit
    [InlineData("backport")]
    [InlineData("feature")]
    [InlineData("another-target")]
    [InlineData("earlier-merge")]
    public void A_GitLab_push_that_merged_no_promotion_or_rollback_runs_nothing(string push)
    {
        string[] mergeRequests = push switch
        {
            "none" => [],
            "backport" => [GitLabMergeRequest(12, "merged", "backport/production/blue-1.4.1", "gitops/production-releases", "merge", "backport", "env:production", "service:blue")],
            "feature" => [GitLabMergeRequest(12, "merged", "feature/blue", "gitops/production-releases", "merge", "env:production", "service:blue")],
            "another-target" => [GitLabMergeRequest(12, "merged", "promote/production/blue-1.4.1", "main", "merge", "promotion", "env:production", "service:blue")],
            // This commit was part of an older merge request, merged by another commit: that merge was completed then.
            _ => [GitLabMergeRequest(12, "merged", "promote/production/blue-1.4.1", "gitops/production-releases", "earlier", "promotion", "env:production", "service:blue")],
        };

        var (result, calls) = CompleteMergeRequest(mergeRequests);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(calls);
    }

    [Theory]
    [InlineData("promotion", "service:blue")]
    [InlineData("env:staging", "service:blue")]
    [InlineData("env:*", "service:*")]
    public void A_GitLab_merge_whose_labels_do_not_name_its_source_branch_completes_nothing(params string[] labels)
    {
        var (result, calls) = CompleteMergeRequest(GitLabMergeRequest(12, "merged", "promote/production/blue-1.4.1", "gitops/production-releases", "merge", labels));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Empty(calls);
    }

    private (ProcessResult Result, List<BuildCall> Calls) CompletePullRequest(Dictionary<string, string> pullRequest)
    {
        var (_, environment, scripts) = GitHubJobs(Path.Combine(RepositoryPaths.Root, "examples", "ci", "github", "complete-pull-request.yml"), pullRequest).Single(j => j.Job == "complete");
        return Execute(string.Join("\n", scripts), environment, new Dictionary<string, string> { ["GITHUB_REPOSITORY"] = "acme/shop" });
    }

    // The fields of a pull_request event complete-pull-request.yml reads, by the expressions that read them.
    private static Dictionary<string, string> GitHubPullRequestEvent(bool merged, string head, params string[] labels) => new(StringComparer.Ordinal)
    {
        ["github.event.pull_request.merged"] = merged ? "true" : "false",
        ["github.event.pull_request.head.ref"] = head,
        ["toJSON(github.event.pull_request.labels.*.name)"] = JsonSerializer.Serialize(labels),
    };

    [Fact]
    public void A_GitLab_merge_whose_merge_requests_cannot_be_read_fails_rather_than_finding_none()
    {
        var (result, calls) = CompleteMergeRequestWith("not-the-token", [
            GitLabMergeRequest(12, "merged", "promote/production/blue-1.4.1", "gitops/production-releases", "merge", "promotion", "env:production", "service:blue")]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Empty(calls);
    }

    private (ProcessResult Result, List<BuildCall> Calls) CompleteMergeRequest(params string[] mergeRequests) => CompleteMergeRequestWith("glpat-test", mergeRequests);

    private (ProcessResult Result, List<BuildCall> Calls) CompleteMergeRequestWith(string token, string[] mergeRequests)
    {
        File.WriteAllText(Path.Combine(_folder.Path, "merge_requests.json"), $"[{string.Join(",\n", mergeRequests)}]");
        return Execute(GitLabScript("complete-merge-request"), new Dictionary<string, string>(), new Dictionary<string, string>
        {
            ["CI_API_V4_URL"] = "https://gitlab.example.com/api/v4",
            ["CI_PROJECT_ID"] = "7",
            ["CI_COMMIT_BRANCH"] = "gitops/production-releases",
            ["CI_COMMIT_SHA"] = GitLabPushed,
            ["GITLAB_TOKEN"] = token,
        });
    }

    // The pipeline's commit: the merge request's merge commit, squash commit or (fast-forward) head, per merge method.
    private const string GitLabPushed = "8d3b0c2e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c";

    /// <summary>A merge request as GitLab's "List merge requests associated with a commit" API returns it.</summary>
    private static string GitLabMergeRequest(int iid, string state, string source, string target, string? method, params string[] labels) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = 9000 + iid,
            ["iid"] = iid,
            ["project_id"] = 7,
            ["title"] = $"Merge {source}",
            ["state"] = state,
            ["target_branch"] = target,
            ["source_branch"] = source,
            ["labels"] = labels,
            ["draft"] = false,
            ["sha"] = method == "fast-forward" ? GitLabPushed : "1f0e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6",
            ["merge_commit_sha"] = method == "merge" ? GitLabPushed : method == "earlier" ? "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567" : null,
            ["squash_commit_sha"] = method == "squash" ? GitLabPushed : null,
            ["merged_by"] = state == "merged" ? new Dictionary<string, object> { ["id"] = 1, ["username"] = "alice", ["name"] = "Alice", ["state"] = "active" } : null,
            ["web_url"] = $"https://gitlab.example.com/acme/shop/-/merge_requests/{iid}",
        });

    private static string GitLabScript(string job)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "examples", "ci", "gitlab", ".gitlab-ci.yml"))));
        var root = (YamlMappingNode)stream.Documents.Single().RootNode;
        return string.Join("\n", ((YamlSequenceNode)((YamlMappingNode)root[job])["script"]).Children.Select(c => ((YamlScalarNode)c).Value));
    }

    private static void AssertInputsWhole(IReadOnlyList<BuildCall> calls, string where)
    {
        Assert.NotEmpty(calls);
        foreach (var call in calls)
        {
            var names = new Dictionary<string, string> { ["service"] = "service", ["version"] = "version", ["commit"] = "commit", ["line"] = "line", ["to"] = "environment", ["env"] = "environment" };
            foreach (var argument in call.Arguments.Skip(1))
            {
                var name = argument.TrimStart('-').Split('=')[0];
                Assert.True(argument == "--dryrun" || (names.TryGetValue(name, out var input) && argument == $"--{name}={Inputs[input]}"),
                    $"{where}: ./build.sh got '{argument}', not an input passed whole: {string.Join(" | ", call.Arguments)}");
            }

            Assert.True(call.Approvers is "<unset>" or "alice,bob", $"{where}: RELEASE_APPROVER={call.Approvers}");
        }
    }

    // Free text anyone who starts the workflow types: never a source of approvers.
    private static IEnumerable<string> InputNames(string workflow)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "examples", "ci", "github", workflow))));
        var on = (YamlMappingNode)((YamlMappingNode)stream.Documents.Single().RootNode)["on"];
        return on.Children.TryGetValue(new YamlScalarNode("workflow_dispatch"), out var dispatch) && dispatch is YamlMappingNode { } d && d.Children.TryGetValue(new YamlScalarNode("inputs"), out var inputs)
            ? ((YamlMappingNode)inputs).Children.Keys.Select(k => ((YamlScalarNode)k).Value!)
            : [];
    }

    /// <summary>Each job of a workflow: its name, its env (job and steps, inputs replaced by the hostile values), its run scripts.</summary>
    private static IEnumerable<(string Job, Dictionary<string, string> Environment, List<string> Scripts)> GitHubJobs(string file, Dictionary<string, string>? pullRequest = null)
    {
        pullRequest ??= MergedPromotion;
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(file)));
        var jobs = (YamlMappingNode)((YamlMappingNode)stream.Documents.Single().RootNode)["jobs"];
        foreach (var (name, node) in jobs.Children.Select(p => (((YamlScalarNode)p.Key).Value!, (YamlMappingNode)p.Value)))
        {
            var environment = new Dictionary<string, string>();
            var scripts = new List<string>();
            Env(node, environment, pullRequest);
            foreach (var step in ((YamlSequenceNode)node["steps"]).Children.Cast<YamlMappingNode>())
            {
                Env(step, environment, pullRequest);
                if (step.Children.TryGetValue(new YamlScalarNode("run"), out var run))
                {
                    scripts.Add(((YamlScalarNode)run).Value!);
                }
            }

            yield return (name, environment, scripts);
        }
    }

    private static void Env(YamlMappingNode node, Dictionary<string, string> environment, Dictionary<string, string> pullRequest)
    {
        if (!node.Children.TryGetValue(new YamlScalarNode("env"), out var env))
        {
            return;
        }

        foreach (var (key, value) in ((YamlMappingNode)env).Children.Select(p => (((YamlScalarNode)p.Key).Value!, ((YamlScalarNode)p.Value).Value!)))
        {
            var input = System.Text.RegularExpressions.Regex.Match(value, @"^\$\{\{\s*(?:inputs|github\.event\.inputs|matrix)\.(\w+)\s*\}\}$");
            var expression = System.Text.RegularExpressions.Regex.Match(value, @"^\$\{\{\s*(.*?)\s*\}\}$");
            environment[key] = input.Success ? Inputs[input.Groups[1].Value]
                : expression.Success && pullRequest.TryGetValue(expression.Groups[1].Value, out var field) ? field
                : "not-an-input";
        }
    }

    private sealed record BuildCall(IReadOnlyList<string> Arguments, string Approvers);

    private List<BuildCall> Run(string script, Dictionary<string, string> inputs, Dictionary<string, string> ci)
    {
        var (result, calls) = Execute(script, inputs, ci);
        Assert.True(result.ExitCode == 0, $"{script}\n{result}");
        return calls;
    }

    private (ProcessResult Result, List<BuildCall> Calls) Execute(string script, Dictionary<string, string> inputs, Dictionary<string, string> ci)
    {
        var work = Directory.CreateDirectory(Path.Combine(_folder.Path, "work")).FullName;
        var bin = Directory.CreateDirectory(Path.Combine(_folder.Path, "bin")).FullName;
        var calls = Directory.CreateDirectory(Path.Combine(_folder.Path, "calls")).FullName;
        foreach (var file in new[] { "alpha", "beta", "1.4.0 xlpha" })
        {
            File.WriteAllText(Path.Combine(work, file), "");
        }

        File.WriteAllText(Path.Combine(_folder.Path, "approvals.json"), GitHubApprovals);
        File.WriteAllText(Path.Combine(_folder.Path, "deployments.json"), GitLabDeployments);
        File.WriteAllText(Path.Combine(_folder.Path, "deployment.json"), GitLabDeployment);
        if (!File.Exists(Path.Combine(_folder.Path, "merge_requests.json")))
        {
            File.WriteAllText(Path.Combine(_folder.Path, "merge_requests.json"), "[]");
        }

        Executable(Path.Combine(work, "build.sh"), $$"""
            #!/bin/bash
            n=$(ls '{{calls}}' | wc -l)
            printf '%s\0' "$@" > '{{calls}}'/$n.args
            printf '%s' "${RELEASE_APPROVER-<unset>}" > '{{calls}}'/$n.approver
            """);
        Executable(Path.Combine(bin, "gh"), $$"""
            #!/bin/bash
            # test double of the GitHub CLI: gh api <path> --jq <filter>, answered from a recorded response
            [ "$1" = api ] && [ "$2" = "repos/acme/shop/actions/runs/42/approvals" ] && [ "$3" = --jq ] || { echo "gh: unexpected call: $*" >&2; exit 2; }
            jq -r "$4" '{{_folder.Path}}/approvals.json'
            """);
        Executable(Path.Combine(bin, "curl"), $$"""
            #!/bin/bash
            # test double of curl: the GitLab API calls of the example, answered from recorded responses
            [[ " $* " == *" PRIVATE-TOKEN: glpat-test "* ]] || { echo "curl: no token: $*" >&2; exit 22; }
            case "${@: -1}" in
              "https://gitlab.example.com/api/v4/projects/7/deployments?environment=production&status=running"*) cat '{{_folder.Path}}/deployments.json' ;;
              "https://gitlab.example.com/api/v4/projects/7/deployments/101") cat '{{_folder.Path}}/deployment.json' ;;
              "https://gitlab.example.com/api/v4/projects/7/repository/commits/{{GitLabPushed}}/merge_requests") cat '{{_folder.Path}}/merge_requests.json' ;;
              *) echo "curl: unexpected URL ${@: -1}" >&2; exit 22 ;;
            esac
            """);

        var environment = new Dictionary<string, string>(inputs) { ["PATH"] = $"{bin}:{Environment.GetEnvironmentVariable("PATH")}" };
        foreach (var (key, value) in ci)
        {
            environment[key] = value;
        }

        var result = ProcessRun.Start("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], work, environment);
        Assert.False(File.Exists(Path.Combine(work, "pwned")), "an input was run as a command");
        return (result, Directory.EnumerateFiles(calls, "*.args").Order(StringComparer.Ordinal).Select(file => new BuildCall(
            File.ReadAllText(file, Encoding.UTF8).TrimEnd('\0').Split('\0'),
            File.ReadAllText(Path.ChangeExtension(file, ".approver")))).ToList());
    }

    private static void Executable(string path, string text)
    {
        File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
        Assert.Equal(0, ProcessRun.Start("chmod", ["+x", path]).ExitCode);
    }
}
