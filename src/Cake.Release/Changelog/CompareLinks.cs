using System.Text.RegularExpressions;

namespace Cake.Release.Changelog;

/// <summary>
/// The compare links Keep a Changelog puts at the bottom, for the hosts whose URL shapes are known: GitHub,
/// GitLab (gitlab.com and hosts named gitlab.*) and Bitbucket Cloud. Built from the remote's URL with any
/// credentials in it dropped, so a token in a remote URL never reaches the changelog.
/// </summary>
public sealed partial class CompareLinks
{
    private readonly string _host;
    private readonly string _project;
    private readonly Kind _kind;

    private CompareLinks(Kind kind, string host, string project)
    {
        _kind = kind;
        _host = host;
        _project = project;
    }

    private enum Kind
    {
        GitHub,
        GitLab,
        Bitbucket,
    }

    /// <summary>The links for a remote URL (https, ssh or scp-like), or null when its host is not a known one.</summary>
    /// <param name="remoteUrl">The remote's URL, e.g. <c>git@github.com:acme/shop.git</c>.</param>
    public static CompareLinks? ForRemote(string? remoteUrl)
    {
        var match = RemoteUrl().Match(remoteUrl?.Trim() ?? "");
        if (!match.Success)
        {
            return null;
        }

        var host = match.Groups["host"].Value.ToLowerInvariant();
        var project = match.Groups["path"].Value.Trim('/');
        project = project.EndsWith(".git", StringComparison.Ordinal) ? project[..^4] : project;
        if (project.Length == 0 || !project.Contains('/'))
        {
            return null;
        }

        return host switch
        {
            "github.com" => new CompareLinks(Kind.GitHub, host, project),
            "bitbucket.org" => new CompareLinks(Kind.Bitbucket, host, project),
            _ when host == "gitlab.com" || host.StartsWith("gitlab.", StringComparison.Ordinal) => new CompareLinks(Kind.GitLab, host, project),
            _ => null,
        };
    }

    /// <summary>The page comparing two refs (tags, or <c>HEAD</c>).</summary>
    /// <param name="from">The older ref.</param>
    /// <param name="to">The newer ref.</param>
    public string Compare(string from, string to) => _kind switch
    {
        Kind.GitHub => $"https://{_host}/{_project}/compare/{from}...{to}",
        Kind.GitLab => $"https://{_host}/{_project}/-/compare/{from}...{to}",
        _ => $"https://{_host}/{_project}/branches/compare/{to}%0D{from}",
    };

    /// <summary>The page of one tag, for a first release that has nothing to compare with.</summary>
    /// <param name="tag">The tag.</param>
    public string Tag(string tag) => _kind switch
    {
        Kind.GitHub => $"https://{_host}/{_project}/releases/tag/{tag}",
        Kind.GitLab => $"https://{_host}/{_project}/-/tags/{tag}",
        _ => $"https://{_host}/{_project}/src/{tag}",
    };

    /// <summary>The page of one commit on the host.</summary>
    /// <param name="sha">The full commit id.</param>
    public string Commit(string sha) => _kind switch
    {
        Kind.GitHub => $"https://{_host}/{_project}/commit/{sha}",
        Kind.GitLab => $"https://{_host}/{_project}/-/commit/{sha}",
        _ => $"https://{_host}/{_project}/commits/{sha}",
    };

    // https://[user[:token]@]host[:port]/path, ssh://[user@]host[:port]/path, or scp-like user@host:path.
    [GeneratedRegex(@"^(?:(?:https?|ssh|git)://(?:[^@/]+@)?(?<host>[^/:]+)(?::\d+)?/(?<path>.+)|(?:[^@/]+@)?(?<host>[^/:]+):(?!//)(?<path>.+))$")]
    private static partial Regex RemoteUrl();
}
