using System.Text;
using Cake.Core;
using Cake.Core.IO;
using Cake.Release.Manifests;

namespace Cake.Release.GitOps;

/// <summary>
/// The history of one file on a remote branch, read in two git calls whatever its length: one <c>git log</c> over the
/// file's path at the branch tip, and one <c>git cat-file --batch</c> for its text at every one of those commits.
/// Like every GitOps read, it fetches into the object store only and moves no ref.
/// </summary>
internal sealed class ManifestHistory
{
    private readonly GitRepository _repository;
    private readonly IGit _git;

    public ManifestHistory(ICakeContext context, DirectoryPath root, GitSettings? settings = null)
    {
        _repository = new GitRepository(context, root, settings);
        _git = GitTool.For(context, settings);
    }

    private DirectoryPath Root => _repository.Root;

    /// <summary>The remote branch's tip, or null when the remote has no such branch.</summary>
    public string? Tip(string remote, string branch)
    {
        var tip = _repository.RemoteBranches(remote, branch).GetValueOrDefault(branch);
        if (tip is not null)
        {
            _repository.FetchObjects(remote, branch, tip);
        }

        return tip;
    }

    /// <summary>The commits from <paramref name="tip"/> back that changed <paramref name="path"/>, newest first, each with the file's text then (null where it was deleted).</summary>
    public IReadOnlyList<(string Commit, string? Text)> Revisions(string tip, string path)
    {
        var log = new ProcessArgumentBuilder().Append("log").Append("--format=%H").Append(tip).Append("--").AppendQuoted(path);
        var commits = _git.Run(Root, log).OrFail(Root, $"read the history of {path} at {ShortCommit.Of(tip)}", "check the repository").Output
            .Where(line => line.Length == 40)
            .ToList();
        if (commits.Count == 0)
        {
            return [];
        }

        var input = Encoding.UTF8.GetBytes(string.Concat(commits.Select(commit => $"{commit}:{path}\n")));
        var output = _git.Run(Root, new ProcessArgumentBuilder().Append("cat-file").Append("--batch"), null, input)
            .OrFail(Root, $"read {path} at {commits.Count} commits", "check the repository").Output;
        return Parse(commits, output) ?? commits.Select(commit => (commit, Read(commit, path))).ToList();
    }

    /// <summary>
    /// <paramref name="service"/>'s entry at each commit from <paramref name="tip"/> back that changed
    /// <paramref name="path"/>, newest first: what <see cref="Revisions"/> and a full read of each text would give,
    /// at a cost that grows with the history's bytes, not with its services. git streams the texts
    /// (<see cref="CatFileStream"/>); the newest is read in full (it is what runs, and must read); an older one is
    /// read from the service's own lines alone (<see cref="ServiceEntryText"/>), and not at all when those are the
    /// bytes of the revision read before. Text the byte search cannot vouch for is read in full, as are entry lines
    /// that do not read on their own, so an unreadable revision says where, as a full read does. A revision
    /// unreadable only in other services' entries counts with this service's entry, since that is all it is read for.
    /// <paramref name="where"/> names the file at a commit in errors.
    /// </summary>
    public IReadOnlyList<ServiceRevision> ServiceRevisions(string tip, string path, string service, Func<string, string> where)
    {
        var log = new ProcessArgumentBuilder().Append("log").Append("--format=%H").Append(tip).Append("--").AppendQuoted(path);
        var commits = _git.Run(Root, log).OrFail(Root, $"read the history of {path} at {ShortCommit.Of(tip)}", "check the repository").Output
            .Where(line => line.Length == 40)
            .ToList();
        var revisions = new List<ServiceRevision>(commits.Count);
        if (commits.Count == 0)
        {
            return revisions;
        }

        using var texts = CatFileStream.Start(_git, Root, [.. commits.Select(commit => $"{commit}:{path}")]);
        var reader = new ServiceEntryReader(service);
        foreach (var commit in commits)
        {
            // A path that is not a file there (a folder) counts as absent, as in Revisions.
            var isFile = texts.Next(out var type, out var text) && type == "blob";
            revisions.Add(isFile ? reader.Read(commit, text.Span, where(commit), full: revisions.Count == 0) : new ServiceRevision(commit, null, null));
        }

        texts.Finish();
        return revisions;
    }

    /// <summary>
    /// The newest commit from <paramref name="tip"/> back that promoted <paramref name="service"/> to
    /// <paramref name="version"/> with <paramref name="digest"/> in <paramref name="path"/>, as its subject and
    /// trailers say (<see cref="ManifestCommitMessage"/>); null when none did (the entry came from a rollback or by hand).
    /// A chart-only service's promotion has no digest: its source commit tells the commit apart instead.
    /// </summary>
    public string? PromotionCommit(string tip, string path, string service, string version, string? digest, string sourceCommit)
    {
        var (serviceLine, versionLine) = ($"Service: {service}", $"Version: {version}");
        var digestLine = digest is null ? $"Source-Commit: {sourceCommit}" : $"Digest: {digest}";
        var log = new ProcessArgumentBuilder().Append("log").Append("--format=%H%x00%B%x1e").Append("--fixed-strings").Append("--all-match")
            .AppendQuoted($"--grep={serviceLine}").AppendQuoted($"--grep={digestLine}").Append(tip).Append("--").AppendQuoted(path);
        var output = _git.Run(Root, log).OrFail(Root, $"read the history of {path} at {ShortCommit.Of(tip)}", "check the repository").Output;
        return string.Join('\n', output).Split('\u001e')
            .Select(record => record.TrimStart('\n').Split('\0', 2))
            .Where(fields => fields.Length == 2)
            .FirstOrDefault(fields => fields[1].StartsWith($"promote({service}): {version} ", StringComparison.Ordinal)
                && fields[1].Split('\n').Intersect([serviceLine, versionLine, digestLine], StringComparer.Ordinal).Count() == 3)?[0];
    }

    // The file's text at each commit (CatFileBatch); null when the output cannot be measured (CR LF endings), and
    // then each revision is read on its own instead. A path that is not a file there (a folder) counts as absent.
    private static List<(string Commit, string? Text)>? Parse(IReadOnlyList<string> commits, IReadOnlyList<string> lines) =>
        CatFileBatch.Parse(commits.Count, lines) is { } objects
            ? [.. commits.Zip(objects, (commit, found) => (commit, found is ("blob", var text) ? text : null))]
            : null;

    private string? Read(string commit, string path) =>
        _repository.ReadFiles(commit, [path]).GetValueOrDefault(path) is { } file ? Encoding.UTF8.GetString(file.Content) : null;
}
