using Cake.Release.Config;

namespace Cake.Release.Forges;

/// <summary>Which forge holds the GitOps remote, where its API answers, and the repository's path on it.</summary>
/// <param name="Kind"><c>github</c> or <c>gitlab</c>.</param>
/// <param name="ApiUrl">The REST API's base URL, without a trailing slash.</param>
/// <param name="Project">The repository: owner/name on GitHub, group/…/name on GitLab.</param>
public sealed record ForgeLocation(string Kind, string ApiUrl, string Project)
{
    /// <summary>
    /// Reads release.yaml's <c>git.forge</c>, <c>git.forgeApi</c> and <c>git.forgeProject</c>, and fills what they
    /// leave out from the CI system (GitHub Actions' GITHUB_API_URL and GITHUB_REPOSITORY, GitLab CI's CI_API_V4_URL
    /// and CI_PROJECT_PATH) and from the remote's URL (https://host/owner/name.git, git@host:owner/name.git).
    /// </summary>
    public static ForgeLocation Resolve(GitConfig git, string? remoteUrl, Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(git);
        ArgumentNullException.ThrowIfNull(variable);
        var (host, path) = Parse(remoteUrl);
        var kind = git.Forge
            ?? (host?.Contains("github", StringComparison.OrdinalIgnoreCase) == true || (variable("GITHUB_ACTIONS") == "true" && host is null) ? "github"
            : host?.Contains("gitlab", StringComparison.OrdinalIgnoreCase) == true || (variable("GITLAB_CI") == "true" && host is null) ? "gitlab"
            : throw new ReleaseException($"Cannot tell which forge holds the remote {git.Remote} ({Describe(remoteUrl)}) to open pull requests on; set git.forge: github or gitlab in release.yaml (with git.forgeApi for a self-hosted one)."));

        var api = git.ForgeApi
            ?? (kind == "github" ? variable("GITHUB_API_URL") : variable("CI_API_V4_URL"))
            ?? (kind == "github"
                ? host is null or "github.com" ? "https://api.github.com" : $"https://{host}/api/v3"
                : $"https://{host ?? "gitlab.com"}/api/v4");
        var project = git.ForgeProject
            ?? path
            ?? (kind == "github" ? variable("GITHUB_REPOSITORY") : variable("CI_PROJECT_PATH"))
            ?? throw new ReleaseException($"Cannot tell the repository's path on {kind} from the remote {git.Remote} ({Describe(remoteUrl)}); set git.forgeProject: owner/name in release.yaml.");
        return new ForgeLocation(kind, api.TrimEnd('/'), project);
    }

    // Only the host and path are kept: a URL's user info may be a token.
    private static (string? Host, string? Path) Parse(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return (null, null);
        }

        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" or "ssh" or "git")
        {
            return (uri.Host, ProjectPath(uri.AbsolutePath));
        }

        // scp-like: [user@]host:owner/name.git
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && !url.Contains("://", StringComparison.Ordinal) && !Path.IsPathRooted(url))
        {
            var host = url[..colon];
            return (host[(host.IndexOf('@', StringComparison.Ordinal) + 1)..], ProjectPath(url[(colon + 1)..]));
        }

        return (null, null);
    }

    private static string? ProjectPath(string path)
    {
        var trimmed = path.Trim('/');
        trimmed = trimmed.EndsWith(".git", StringComparison.Ordinal) ? trimmed[..^4] : trimmed;
        return trimmed.Contains('/', StringComparison.Ordinal) ? Uri.UnescapeDataString(trimmed) : null;
    }

    private static string Describe(string? url) => url is null ? "no URL" : Parse(url) is { Host: { } host } ? $"on {host}" : "a local path";
}
