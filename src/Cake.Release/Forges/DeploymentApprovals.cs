using System.Text.Json.Nodes;
using Cake.Core.Diagnostics;
using Cake.Release.Config;
using Cake.Release.GitOps;
using Cake.Release.Session;

namespace Cake.Release.Forges;

/// <summary>
/// In push mode, which of the <c>--approver</c>s the CI system itself recorded as approving this job's deployment to
/// the environment: on GitHub Actions the run's review log (<c>GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals</c>,
/// filled by the environment's required reviewers); on GitLab CI the approvals of this job's deployment to a protected
/// environment (<c>GET /projects/{id}/deployments/{deployment_id}</c>). Approvers it names are verified; outside such a
/// job, or when the forge cannot be asked, nothing is, and the names stay what they are: names typed on a command line.
/// </summary>
internal static class DeploymentApprovals
{
    public static bool Verified(ReleaseSession session, ReleaseConfig config, GitSettings git, string environment, IReadOnlyList<string> approvers, TimeSpan timeout)
    {
        var github = session.Variable("GITHUB_ACTIONS") == "true";
        var gitlab = session.Variable("GITLAB_CI") == "true";
        if (approvers.Count == 0 || !(github || gitlab) || session.Variable(github ? "GITHUB_RUN_ID" : "CI_JOB_ID")?.Trim() is not { Length: > 0 } job)
        {
            return false;
        }

        var personal = ForgeConnection.Token(session, github ? "GITHUB_TOKEN" : "GITLAB_TOKEN");
        var token = personal ?? ForgeConnection.Token(session, github ? "GH_TOKEN" : "CI_JOB_TOKEN");
        if (token is null)
        {
            return false;
        }

        var system = github ? "GitHub" : "GitLab";
        try
        {
            var location = ForgeLocation.Resolve(config.Git, new GitHistory(session.Context, config.RepositoryRoot, git).RemoteUrl(config.Git.Remote), session.Variable);
            if (location.Kind != (github ? "github" : "gitlab"))
            {
                return false;
            }

            var approved = github ? GitHub(location, token, job, environment, timeout) : GitLab(location, token, personal is null, job, environment, timeout);
            var unverified = approvers.Where(a => !approved.Contains(a)).ToList();
            if (unverified.Count > 0)
            {
                session.Log.Warning("{0} recorded no approval of this job's deployment to {1} by {2}: the approvers are recorded as unverified.", system, environment, string.Join(", ", unverified));
            }

            return unverified.Count == 0;
        }
        catch (ReleaseException error)
        {
            session.Log.Warning("Could not ask {0} who approved this job's deployment to {1} ({2}); the approvers are recorded as unverified.", system, environment, error.Message);
            return false;
        }
    }

    private static HashSet<string> GitHub(ForgeLocation location, string token, string run, string environment, TimeSpan timeout)
    {
        using var http = GitHubForge.Client(location, token, timeout);
        return http.Send(HttpMethod.Get, $"/repos/{location.Project}/actions/runs/{Uri.EscapeDataString(run)}/approvals").AsArray()
            .Where(r => r?["state"]?.GetValue<string>() == "approved" && r["environments"] is JsonArray environments && environments.Any(e => e?["name"]?.GetValue<string>() == environment))
            .Select(r => r!["user"]?["login"]?.GetValue<string>())
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    // The job's own deployment (its deployable is this job), then that deployment's approvals.
    private static HashSet<string> GitLab(ForgeLocation location, string token, bool jobToken, string job, string environment, TimeSpan timeout)
    {
        using var http = GitLabForge.Client(location, token, jobToken, timeout);
        var project = $"/projects/{Uri.EscapeDataString(location.Project)}";
        var deployment = http.Send(HttpMethod.Get, $"{project}/deployments?environment={Uri.EscapeDataString(environment)}&order_by=id&sort=desc&per_page=100").AsArray()
            .FirstOrDefault(d => d?["deployable"]?["id"]?.ToString() == job)?["id"]?.ToString();
        if (deployment is null)
        {
            return [];
        }

        return (http.Send(HttpMethod.Get, $"{project}/deployments/{deployment}")["approvals"] as JsonArray ?? [])
            .Where(a => a?["status"]?.GetValue<string>() == "approved")
            .Select(a => a!["user"]?["username"]?.GetValue<string>())
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
