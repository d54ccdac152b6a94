using System.Text.RegularExpressions;

namespace Cake.Release.Init;

/// <summary>
/// The repository URL a cluster's GitOps controller clones, from the remote's URL: without credentials (a token in an
/// https URL must never reach a committed file), and only when a cluster could reach it (not a local path).
/// </summary>
public static partial class ClusterRepositoryUrl
{
    /// <summary>The URL the files name when the repository has no usable remote; the files say to replace it.</summary>
    public const string Placeholder = "https://git.example.com/your-org/your-repo.git";

    /// <summary>The URL without a password or token (scp-like <c>git@host:path</c> as <c>ssh://</c>), or null when a cluster cannot clone it (a path, a file:// URL).</summary>
    /// <param name="remote">The remote's URL as git prints it, or null without a remote.</param>
    public static string? From(string? remote)
    {
        if (string.IsNullOrWhiteSpace(remote))
        {
            return null;
        }

        if (ScpLike().Match(remote) is { Success: true } scp)
        {
            // git@host:org/repo.git: Argo CD reads it, Flux only as ssh://git@host/org/repo.git, which both read. The user
            // is the account ssh logs in as, never a secret.
            return $"ssh://{scp.Groups["user"].Value}@{scp.Groups["host"].Value}/{scp.Groups["path"].Value}";
        }

        if (!Uri.TryCreate(remote, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http" or "ssh"))
        {
            return null;
        }

        // ssh keeps its login name (the password part is dropped); http(s) keeps neither, since both may be a token.
        var user = uri.Scheme == "ssh" && uri.UserInfo.Length > 0 ? uri.UserInfo.Split(':')[0] + "@" : string.Empty;
        var port = uri.IsDefaultPort ? string.Empty : $":{uri.Port}";
        return $"{uri.Scheme}://{user}{uri.Host}{port}{uri.AbsolutePath}";
    }

    [GeneratedRegex(@"^(?<user>[A-Za-z0-9._-]+)@(?<host>[A-Za-z0-9.-]+):(?<path>[^/\\\s][^\s]*)$")]
    private static partial Regex ScpLike();
}
