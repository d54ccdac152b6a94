using System.Globalization;
using System.Text;
using Cake.Core;
using Cake.Core.IO;
using Cake.Release.GitOps;

namespace Cake.Release.Fragments;

/// <summary>
/// What the release record is made of, read from git (the source of truth) without a checkout and without moving a
/// ref: an environment's manifest history on its branch, past a commit, in two git calls whatever its length (one
/// <c>git log</c> with the manifest's pathspec and a NUL/RS-separated format, one <c>git cat-file --batch</c> for the
/// manifest's text at each of those commits); and the remote's release tags with their dates and messages.
/// </summary>
internal sealed class FragmentHistory
{
    private readonly GitRepository _repository;
    private readonly IGit _git;

    public FragmentHistory(ICakeContext context, DirectoryPath root, GitSettings? settings)
    {
        _repository = new GitRepository(context, root, settings);
        _git = GitTool.For(context, settings);
    }

    private DirectoryPath Root => _repository.Root;

    /// <summary>The remote's tips of <paramref name="branches"/>, in one call; a branch the remote lacks is absent.</summary>
    public IReadOnlyDictionary<string, string> Tips(string remote, IEnumerable<string> branches) =>
        _repository.RemoteBranches(remote, branches.Distinct(StringComparer.Ordinal).ToArray());

    /// <summary>Whether <paramref name="ancestor"/> is <paramref name="descendant"/> or in its history (false when the clone lacks either).</summary>
    public bool IsAncestor(string ancestor, string descendant) => _repository.IsAncestor(ancestor, descendant);

    /// <summary>Whether the clone holds <paramref name="commit"/>.</summary>
    public bool HasCommit(string commit) => _repository.HasCommit(commit);

    /// <summary>
    /// The commits of <paramref name="path"/> from <paramref name="tip"/> back to (not including) <paramref name="since"/>,
    /// newest first, with their messages and the file's text; and the file's text at <paramref name="since"/> (null
    /// without one), what the first of them changed.
    /// </summary>
    public (string? Baseline, IReadOnlyList<ManifestRevision> Revisions) Manifest(string remote, string branch, string tip, string path, string? since)
    {
        _repository.FetchObjects(remote, branch, tip);
        var log = new ProcessArgumentBuilder().Append("log").Append("--no-color").Append("--format=%H%x00%B%x1e").Append(tip);
        if (since is not null)
        {
            log.Append("^" + since);
        }

        log.Append("--").AppendQuoted(path);
        var output = _git.Run(Root, log).OrFail(Root, $"read the history of {path} on {branch}", "check the repository");
        var commits = new List<(string Commit, string Message)>();
        foreach (var record in string.Join('\n', output.Output).Split('\u001e'))
        {
            var fields = record.TrimStart('\n').Split('\0', 2);
            if (fields.Length == 2 && fields[0].Length == 40)
            {
                commits.Add((fields[0], fields[1].TrimEnd('\n')));
            }
        }

        var names = commits.Select(c => $"{c.Commit}:{path}").ToList();
        if (since is not null)
        {
            names.Add($"{since}:{path}");
        }

        var texts = Objects(names);
        var revisions = commits.Select((c, i) => new ManifestRevision(c.Commit, c.Message, texts[i]?.Content)).ToList();
        return (since is null ? null : texts[^1]?.Content, revisions);
    }

    /// <summary>
    /// The remote's tags that <paramref name="wanted"/> picks, each with the commit it marks, its date and message.
    /// Tag objects the clone lacks are fetched by name into the object store only (no local tag is created).
    /// </summary>
    public IReadOnlyList<ReleaseTagRecord> Tags(string remote, Func<string, bool> wanted)
    {
        var listed = _git.Run(Root, new ProcessArgumentBuilder().Append("ls-remote").Append("--tags").AppendQuoted(remote))
            .OrFail(Root, $"list the tags of '{remote}'", "check that the remote exists and is reachable", remote);
        var objects = new Dictionary<string, (string Object, string? Peeled)>(StringComparer.Ordinal);
        foreach (var parts in listed.Output.Select(line => line.Split('\t')).Where(parts => parts.Length == 2 && parts[1].StartsWith("refs/tags/", StringComparison.Ordinal)))
        {
            var name = parts[1]["refs/tags/".Length..];
            if (name.EndsWith("^{}", StringComparison.Ordinal))
            {
                name = name[..^3];
                if (objects.TryGetValue(name, out var tag))
                {
                    objects[name] = tag with { Peeled = parts[0] };
                }
            }
            else if (wanted(name))
            {
                objects[name] = (parts[0], null);
            }
        }

        if (objects.Count == 0)
        {
            return [];
        }

        var names = objects.Keys.ToList();
        // One batch-check for all of them: which tag objects this clone lacks.
        var check = _git.Run(Root, new ProcessArgumentBuilder().Append("cat-file").Append("--batch-check"), null, Encoding.UTF8.GetBytes(string.Concat(names.Select(name => objects[name].Object + "\n"))))
            .OrFail(Root, $"look up {names.Count} tag object(s)", "check the repository").Output;
        var absent = check.Where(line => line.EndsWith(" missing", StringComparison.Ordinal)).Select(line => line.Split(' ')[0]).ToHashSet(StringComparer.Ordinal);
        var missing = names.Where(name => absent.Contains(objects[name].Object)).ToList();
        foreach (var chunk in missing.Chunk(200))
        {
            var fetch = new ProcessArgumentBuilder().Append("fetch").Append("--quiet").Append("--no-tags").Append("--no-write-fetch-head").Append("--refmap=").AppendQuoted(remote);
            foreach (var name in chunk)
            {
                fetch.AppendQuoted($"refs/tags/{name}");
            }

            _git.Run(Root, fetch).OrFail(Root, $"fetch {chunk.Length} release tag(s) from '{remote}'", "check the remote and your credentials, then run again", remote);
        }

        var read = Objects(names.Select(name => objects[name].Object).ToList());
        var tags = new List<ReleaseTagRecord>();
        for (var i = 0; i < names.Count; i++)
        {
            if (read[i] is { } found && Tag(names[i], objects[names[i]].Peeled ?? objects[names[i]].Object, found.Type, found.Content) is { } tag)
            {
                tags.Add(tag);
            }
        }

        return tags;
    }

    // An annotated tag: its tagger's date and its message; a lightweight tag (a commit): the commit's date, no message.
    private static ReleaseTagRecord? Tag(string name, string commit, string type, string content)
    {
        var (header, body) = content.Split("\n\n", 2) is [var h, var b] ? (h, b) : (content, "");
        var who = type == "tag" ? "tagger " : type == "commit" ? "committer " : null;
        var line = who is null ? null : header.Split('\n').FirstOrDefault(l => l.StartsWith(who, StringComparison.Ordinal));
        if (line is null)
        {
            return null;
        }

        // "<name> <email> <seconds> <+hhmm>"
        var parts = line.Split(' ');
        if (parts.Length < 2 || !long.TryParse(parts[^2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            return null;
        }

        return new ReleaseTagRecord(name, commit, DateTimeOffset.FromUnixTimeSeconds(seconds), type == "tag" ? body.Replace("\r\n", "\n", StringComparison.Ordinal) : "");
    }

    private List<(string Type, string Content)?> Objects(IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return [];
        }

        var input = Encoding.UTF8.GetBytes(string.Concat(names.Select(name => name + "\n")));
        var output = _git.Run(Root, new ProcessArgumentBuilder().Append("cat-file").Append("--batch"), null, input)
            .OrFail(Root, $"read {names.Count} object(s)", "check the repository").Output;
        return CatFileBatch.Parse(names.Count, output) ?? names.Select(One).ToList();
    }

    private (string Type, string Content)? One(string name)
    {
        var type = _git.Run(Root, new ProcessArgumentBuilder().Append("cat-file").Append("-t").AppendQuoted(name));
        if (!type.Succeeded)
        {
            return null;
        }

        var content = _git.Run(Root, new ProcessArgumentBuilder().Append("cat-file").Append(type.Output[0]).AppendQuoted(name));
        return content.Succeeded ? (type.Output[0], string.Join('\n', content.Output) + "\n") : null;
    }
}
