namespace Cake.Release.GitOps;

/// <summary>
/// Who a commit is by, as <c>git commit-tree</c> would write it, so that <see cref="FastImportCommit"/> writes the
/// same author and committer lines: the identities of <c>git var -l</c> (environment and configuration, as
/// commit-tree resolves them), dated at the moment of the commit unless <c>GIT_AUTHOR_DATE</c> or
/// <c>GIT_COMMITTER_DATE</c> fixes the date. A repository that signs its commits or records them in another
/// encoding than UTF-8 is <see cref="Importable"/> no more: commit-tree does that and fast-import does not.
/// </summary>
internal sealed record CommitSignature(string Author, string Committer, bool AuthorDateFixed, bool CommitterDateFixed, bool Importable)
{
    /// <summary>The signature from <c>git var -l</c>'s lines, or null when they hold no identity.</summary>
    public static CommitSignature? Parse(IEnumerable<string> lines, bool authorDateFixed, bool committerDateFixed)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                values[line[..equals]] = line[(equals + 1)..];
            }
        }

        if (!values.TryGetValue("GIT_AUTHOR_IDENT", out var author) || !values.TryGetValue("GIT_COMMITTER_IDENT", out var committer))
        {
            return null;
        }

        var signs = values.TryGetValue("commit.gpgsign", out var sign) && sign.ToLowerInvariant() is not ("false" or "no" or "off" or "0" or "");
        var otherEncoding = values.TryGetValue("i18n.commitencoding", out var encoding) && encoding.ToLowerInvariant() is not ("utf-8" or "utf8");
        return new CommitSignature(author, committer, authorDateFixed, committerDateFixed, !signs && !otherEncoding);
    }

    /// <summary>The author line's value for a commit made at <paramref name="now"/>.</summary>
    public string AuthorAt(DateTimeOffset now) => AuthorDateFixed ? Author : Redate(Author, now);

    /// <summary>The committer line's value for a commit made at <paramref name="now"/>.</summary>
    public string CommitterAt(DateTimeOffset now) => CommitterDateFixed ? Committer : Redate(Committer, now);

    // "Name <email> <seconds> <zone>": the seconds become now's, the zone stays the one git worked out.
    private static string Redate(string ident, DateTimeOffset now)
    {
        var zone = ident.LastIndexOf(' ');
        var seconds = ident.LastIndexOf(' ', zone - 1);
        return $"{ident[..seconds]} {now.ToUnixTimeSeconds()}{ident[zone..]}";
    }
}
