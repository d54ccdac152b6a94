using System.Net.Http.Headers;
using Cake.Core.Diagnostics;
using Cake.Release.Config;
using Cake.Release.GitOps;
using Cake.Release.Secrets;
using Cake.Release.Session;

namespace Cake.Release.Forges;

/// <summary>
/// In push mode on GitHub Actions, which of the <c>--approver</c>s GitHub itself recorded as approving this run's
/// deployment to the environment (the run's review log, <c>GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals</c>,
/// filled by the environment's required reviewers). Approvers it names are verified; outside such a run, or when
/// GitHub cannot be asked, nothing is, and the names stay what they are: names typed on a command line.
/// </summary>
internal static class DeploymentApprovals
{
    public static bool Verified(ReleaseSession session, ReleaseConfig config, GitSettings git, string environment, IReadOnlyList<string> approvers, TimeSpan timeout)
    {
        if (approvers.Count == 0 || session.Variable("GITHUB_ACTIONS") != "true" || session.Variable("GITHUB_RUN_ID") is not { Length: > 0 } run
            || (session.Variable("GITHUB_TOKEN") ?? session.Variable("GH_TOKEN")) is not { Length: > 0 } token)
        {
            return false;
        }

        try
        {
            var location = ForgeLocation.Resolve(config.Git, new GitHistory(session.Context, config.RepositoryRoot, git).RemoteUrl(config.Git.Remote), session.Variable);
            if (location.Kind != "github")
            {
                return false;
            }

            session.Log.KeepSecret(token.Trim());
            using var http = new ForgeHttp("GitHub", location.ApiUrl, headers =>
            {
                headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Trim());
                headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
                headers.Add("X-GitHub-Api-Version", "2022-11-28");
            }, timeout);
            var approved = http.Send(HttpMethod.Get, $"/repos/{location.Project}/actions/runs/{Uri.EscapeDataString(run)}/approvals").AsArray()
                .Where(r => r?["state"]?.GetValue<string>() == "approved" && r["environments"] is System.Text.Json.Nodes.JsonArray environments
                    && environments.Any(e => e?["name"]?.GetValue<string>() == environment))
                .Select(r => r!["user"]?["login"]?.GetValue<string>())
                .OfType<string>()
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            var unverified = approvers.Where(a => !approved.Contains(a)).ToList();
            if (unverified.Count > 0)
            {
                session.Log.Warning("GitHub recorded no approval of this run's deployment to {0} by {1}: the approvers are recorded as unverified.", environment, string.Join(", ", unverified));
            }

            return unverified.Count == 0;
        }
        catch (ReleaseException error)
        {
            session.Log.Warning("Could not ask GitHub who approved this run's deployment to {0} ({1}); the approvers are recorded as unverified.", environment, error.Message);
            return false;
        }
    }
}
