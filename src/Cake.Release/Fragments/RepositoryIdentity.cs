namespace Cake.Release.Fragments;

/// <summary>
/// How a repository is named in the release record: its remote's URL as a host and path
/// (<c>https://ci:token@github.com/acme/shop.git</c> and <c>git@github.com:acme/shop.git</c> are both
/// <c>github.com/acme/shop</c>), so every clone and CI runner of one repository publishes under one name, and no
/// credential in the URL reaches the table.
/// </summary>
public static class RepositoryIdentity
{
    /// <summary>The name of the repository at <paramref name="remoteUrl"/>; a local path stays a path.</summary>
    public static string FromRemote(string remoteUrl)
    {
        ArgumentNullException.ThrowIfNull(remoteUrl);
        var url = remoteUrl.Trim();
        string name;
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && !uri.IsFile && uri.Host.Length > 0)
        {
            var port = uri.IsDefaultPort || uri.Scheme == "ssh" ? string.Empty : $":{uri.Port}";
            name = $"{uri.Host}{port}{uri.AbsolutePath}";
        }
        else if (url.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 && !url.StartsWith('/') && url.IndexOf('@', StringComparison.Ordinal) is var at && at < colon)
        {
            // scp-like: user@host:path
            name = $"{url[(at + 1)..colon]}/{url[(colon + 1)..].TrimStart('/')}";
        }
        else
        {
            name = uri?.IsFile == true ? uri.LocalPath : url;
        }

        name = name.TrimEnd('/');
        return name.EndsWith(".git", StringComparison.Ordinal) ? name[..^4] : name;
    }
}
