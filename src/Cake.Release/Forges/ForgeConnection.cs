using Cake.Release.Config;
using Cake.Release.GitOps;
using Cake.Release.Secrets;
using Cake.Release.Session;

namespace Cake.Release.Forges;

/// <summary>
/// Opens the forge that holds the GitOps remote, with the token from the environment: GITHUB_TOKEN (or GH_TOKEN) for
/// GitHub; GITLAB_TOKEN (a personal, project or group access token) or else CI_JOB_TOKEN for GitLab. The token is
/// handed to the log's redactor before any call, so no line the run writes can carry it.
/// </summary>
internal static class ForgeConnection
{
    public static IForge Open(ReleaseSession session, ReleaseConfig config, GitSettings git, TimeSpan timeout)
    {
        var remoteUrl = new GitHistory(session.Context, config.RepositoryRoot, git).RemoteUrl(config.Git.Remote);
        var location = ForgeLocation.Resolve(config.Git, remoteUrl, session.Variable);
        if (location.Kind == "github")
        {
            var token = Token(session, "GITHUB_TOKEN") ?? Token(session, "GH_TOKEN")
                ?? throw new ReleaseException($"Promotion by pull request on GitHub ({location.Project}) needs a token in GITHUB_TOKEN; set it (in GitHub Actions: env GITHUB_TOKEN: ${{{{ secrets.GITHUB_TOKEN }}}} with permissions contents: write, pull-requests: write).");
            return new GitHubForge(location, token, timeout);
        }

        var personal = Token(session, "GITLAB_TOKEN");
        var job = personal is null ? Token(session, "CI_JOB_TOKEN") : null;
        return personal is null && job is null
            ? throw new ReleaseException($"Promotion by merge request on GitLab ({location.Project}) needs a token in GITLAB_TOKEN (a project access token with the api scope and the Developer role); set it as a masked CI/CD variable.")
            : new GitLabForge(location, (personal ?? job)!, job is not null, timeout);
    }

    /// <summary>The trimmed value of a token variable, handed to the log's redactor first; null when unset or blank.</summary>
    public static string? Token(ReleaseSession session, string name)
    {
        var value = session.Variable(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        session.Log.KeepSecret(value.Trim());
        return value.Trim();
    }
}
