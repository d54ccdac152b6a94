using System.Globalization;
using System.Text;
using Cake.Core;
using Cake.Core.IO;
using Cake.Release.Changes;
using Cake.Release.Secrets;

namespace Cake.Release.GitOps;

/// <summary>
/// What releases read from git history: tags (local or on the remote), the commits that touched some paths (one
/// <c>git log</c> with a pathspec and a NUL/RS-separated format, never one call per commit), files at a commit, and
/// annotated tags made and pushed without touching the user's refs.
/// </summary>
internal sealed class GitHistory : ICommitLog
{
    private const char Field = '\0';
    private const char Record = '\u001e';
    private readonly IGit _git;

    public GitHistory(ICakeContext context, DirectoryPath root, GitSettings? settings = null)
    {
        _git = GitTool.For(context, settings);
        Root = root.MakeAbsolute(context.Environment);
    }

    public DirectoryPath Root { get; }

    /// <summary>The repository's own tags and the commits they point at (annotated tags peeled).</summary>
    public IReadOnlyList<(string Name, string Commit)> LocalTags()
    {
        var output = Run("for-each-ref", "--format=%(refname:strip=2)%00%(objectname)%00%(*objectname)", "refs/tags").OrFail(Root, "list tags", "check the repository");
        return output.Output.Select(line => line.Split(Field))
            .Where(parts => parts.Length == 3)
            .Select(parts => (parts[0], parts[2].Length > 0 ? parts[2] : parts[1]))
            .ToList();
    }

    /// <summary>The remote's tags and the commits they point at: the truth a release counter must not collide with.</summary>
    public IReadOnlyList<(string Name, string Commit)> RemoteTags(string remote)
    {
        var output = Run("ls-remote", "--tags", remote).OrFail(Root, $"list the tags of '{remote}'", "check the repository", remote);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parts in output.Output.Select(line => line.Split('\t')).Where(parts => parts.Length == 2 && parts[1].StartsWith("refs/tags/", StringComparison.Ordinal)))
        {
            var name = parts[1]["refs/tags/".Length..];
            // "<tag>^{}" is the commit an annotated tag points at; it wins over the tag object listed before it.
            if (name.EndsWith("^{}", StringComparison.Ordinal))
            {
                tags[name[..^3]] = parts[0];
            }
            else
            {
                tags.TryAdd(name, parts[0]);
            }
        }

        return tags.Select(t => (t.Key, t.Value)).ToList();
    }

    /// <summary>The commits reachable from <paramref name="revision"/> but not from <paramref name="since"/> that touched <paramref name="paths"/>, newest first.</summary>
    public IReadOnlyList<CommitRecord> Log(string revision, string? since, IReadOnlyList<string> paths)
    {
        var arguments = new ProcessArgumentBuilder().Append("log").Append("--no-color").Append("--format=%H%x00%P%x00%aI%x00%B%x1e").AppendQuoted(revision);
        AppendRange(arguments, since, paths);
        var output = _git.Run(Root, arguments).OrFail(Root, $"read the history of {revision}", "check the repository");
        var commits = new List<CommitRecord>();
        foreach (var record in string.Join('\n', output.Output).Split(Record))
        {
            var fields = record.TrimStart('\n').Split(Field, 4);
            if (fields.Length == 4)
            {
                commits.Add(new CommitRecord(fields[0], fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length,
                    DateTimeOffset.Parse(fields[2], CultureInfo.InvariantCulture), fields[3].TrimEnd('\n')));
            }
        }

        return commits;
    }

    /// <summary>Whether any commit reachable from <paramref name="revision"/> but not from <paramref name="since"/> touched <paramref name="paths"/>.</summary>
    public bool Changed(string revision, string? since, IReadOnlyList<string> paths)
    {
        var arguments = new ProcessArgumentBuilder().Append("log").Append("-1").Append("--format=%H").AppendQuoted(revision);
        AppendRange(arguments, since, paths);
        return _git.Run(Root, arguments).OrFail(Root, $"read the history of {revision}", "check the repository").Output.Any(line => line.Length > 0);
    }

    /// <summary>The newest commit from <paramref name="revision"/> back whose message carries <paramref name="trailer"/>, or null.</summary>
    public string? FindCommit(string revision, string trailer)
    {
        var output = _git.Run(Root, new ProcessArgumentBuilder().Append("log").Append("-1").Append("--format=%H").Append("--fixed-strings").AppendQuoted($"--grep={trailer}").AppendQuoted(revision));
        return output.Succeeded ? output.Output.FirstOrDefault(line => line.Length > 0) : null;
    }

    /// <summary>The files changed between the merge-base of <paramref name="baseRef"/> and HEAD and the working tree.</summary>
    public IReadOnlyList<string> ChangedSince(string baseRef)
    {
        var output = Run("diff", "--name-only", "--no-renames", "-z", "--merge-base", baseRef).OrFail(Root, $"compare the working tree with '{baseRef}'", $"check that '{baseRef}' exists (git fetch, then pass --base=origin/main)");
        return string.Join('\n', output.Output).Split(Field, StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The commit a revision names, or null.</summary>
    public string? Commit(string revision) => _git.FindCommit(Root, revision);

    /// <summary>The merge-base of HEAD and a revision: the commit a branch's changes are compared with.</summary>
    public string MergeBase(string revision) =>
        Run("merge-base", "HEAD", revision).OrFail(Root, $"find where HEAD and '{revision}' meet", $"check that '{revision}' exists (git fetch, then pass --base=origin/main)").Output[0];

    /// <summary>The paths of files named <paramref name="fileName"/> at or under <paramref name="folder"/> in a commit.</summary>
    public IReadOnlyList<string> FilesNamed(string revision, string folder, string fileName)
    {
        var output = Run("ls-tree", "-r", "-z", "--name-only", "--full-tree", revision, "--", folder is "" or "." ? "." : folder).OrFail(Root, $"list the files of {revision}", "check the repository");
        return string.Join('\n', output.Output).Split(Field, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => path == fileName || path.EndsWith("/" + fileName, StringComparison.Ordinal))
            .ToList();
    }

    /// <summary>The remote's URL, or null.</summary>
    public string? RemoteUrl(string remote) => _git.RemoteUrl(Root, remote);

    /// <summary>
    /// An annotated tag object for a commit, made with <c>git mktag</c> so no local ref changes (the push is what
    /// publishes it); the tagger is <paramref name="identity"/>, else the identity git would commit as, else
    /// <see cref="GitRepository.NeutralIdentity"/>.
    /// </summary>
    public string CreateTagObject(string name, string commit, string message, IReadOnlyDictionary<string, string>? identity = null)
    {
        var ask = new ProcessArgumentBuilder().Append("var").Append("GIT_COMMITTER_IDENT");
        var output = _git.Run(Root, ask, identity);
        if (!output.Succeeded && identity is null)
        {
            output = _git.Run(Root, ask, GitRepository.NeutralIdentity);
        }

        var tagger = output.OrFail(Root, "find the tagger", "set git's user.name and user.email").Output[0];
        var body = $"object {commit}\ntype commit\ntag {name}\ntagger {tagger}\n\n{message.TrimEnd('\n')}\n";
        return _git.Run(Root, new ProcessArgumentBuilder().Append("mktag"), null, Encoding.UTF8.GetBytes(body)).OrFail(Root, $"create the tag {name}", "check the repository").Output[0];
    }

    /// <summary>Pushes a tag object as <c>refs/tags/&lt;name&gt;</c>, never forcing: an existing tag of that name is never moved.</summary>
    public PushOutcome PushTag(string remote, string tagObject, string name)
    {
        var output = _git.Run(Root, new ProcessArgumentBuilder().Append("push").Append("--porcelain").AppendQuoted(remote).AppendQuoted($"{tagObject}:refs/tags/{name}"));
        if (output.Succeeded)
        {
            return PushOutcome.Accepted;
        }

        var refused = output.Output.FirstOrDefault(line => line.StartsWith('!'));
        return PushOutcome.Refused(refused is null ? output.Reason : SecretRedactor.MaskUserInfo(refused.Split('\t').Last()));
    }

    private void AppendRange(ProcessArgumentBuilder arguments, string? since, IReadOnlyList<string> paths)
    {
        if (since is not null && Commit(since) is not null)
        {
            arguments.Append("--not").AppendQuoted(since);
        }

        arguments.Append("--");
        foreach (var path in paths)
        {
            arguments.AppendQuoted(path is "" or "." ? "." : path);
        }
    }

    private GitOutput Run(params string[] arguments)
    {
        var builder = new ProcessArgumentBuilder();
        foreach (var argument in arguments)
        {
            builder.AppendQuoted(argument);
        }

        return _git.Run(Root, builder);
    }

}
