using Cake.Core;
using Cake.Core.IO;
using Cake.Release.Changes;
using File = System.IO.File;

namespace Cake.Release.GitOps;

/// <summary>
/// The git calls change detection needs: one <c>rev-parse</c> to learn head, one <c>git diff --name-status -z -M</c>
/// per distinct base, and, in a shallow clone, <c>git fetch --deepen</c> in growing steps until a base is reachable.
/// Like <see cref="GitRepository"/>, it never touches the working tree, the index or HEAD.
/// </summary>
internal sealed class ChangeHistory : IChangeHistory
{
    private readonly IGit _git;
    private readonly GitRepository _repository;

    public ChangeHistory(ICakeContext context, DirectoryPath root, GitSettings? settings = null)
    {
        _git = GitTool.For(context, settings);
        Root = root.MakeAbsolute(context.Environment);
        _repository = new GitRepository(context, Root, settings);
    }

    public DirectoryPath Root { get; }

    string IChangeHistory.Location => Root.FullPath;

    public IReadOnlyDictionary<string, string> RemoteBranches(string remote, params string[] branches) => _repository.RemoteBranches(remote, branches);

    /// <summary>Head (and <paramref name="baseRevision"/>, when given) in one <c>rev-parse</c>; a head that is no commit is a one-line error.</summary>
    public HeadProbe Probe(string head, string? baseRevision)
    {
        if (baseRevision is not null && Probe(head, baseRevision, out var both))
        {
            return both;
        }

        return Probe(head, null, out var alone) ? alone
            : throw new ReleaseException($"--head '{head}' is not a commit in {Root.FullPath}; pass a commit id, branch or tag that exists (git log --oneline), or leave --head out for HEAD.");
    }

    /// <summary>The full commit id a revision names, or null.</summary>
    public string? Resolve(string revision) => _git.FindCommit(Root, revision);

    public bool HasCommit(string sha) => _git.HasCommit(Root, sha);

    public bool IsShallow() =>
        _git.Run(Root, new ProcessArgumentBuilder().Append("rev-parse").Append("--is-shallow-repository")).OrFail(Root, "tell whether the clone is shallow", "run inside a git repository").Output.FirstOrDefault() == "true";

    /// <summary>The merge-base of two commits, or null when they share no history (as far as this clone knows it).</summary>
    public string? MergeBase(string first, string second) => _git.MergeBase(Root, first, second);

    /// <summary>Brings a remote branch's tip into the object store without moving any ref; in a shallow clone only the tip commit.</summary>
    public void FetchTip(string remote, string branch, string tip, bool shallow)
    {
        if (HasCommit(tip))
        {
            return;
        }

        var arguments = new ProcessArgumentBuilder().Append("fetch").Append("--quiet").Append("--no-tags").Append("--no-write-fetch-head").Append("--refmap=");
        if (shallow)
        {
            // A full fetch here would pull the branch's whole history into a clone that was made shallow on purpose.
            arguments.Append("--depth=1");
        }

        arguments.AppendQuoted(remote).AppendQuoted($"refs/heads/{branch}");
        _git.Run(Root, arguments).OrFail(Root, $"fetch '{branch}' from '{remote}'", "check the remote and your credentials, then run again", remote);
    }

    /// <summary>The text of a file at a commit, or null when the commit has no such file.</summary>
    public string? ReadText(string commit, string path)
    {
        var output = _git.Run(Root, new ProcessArgumentBuilder().Append("cat-file").Append("blob").AppendQuoted($"{commit}:{path}"));
        return output.Succeeded ? string.Join('\n', output.Output) + "\n" : null;
    }

    /// <summary>
    /// Fetches <paramref name="commits"/> more commits of history below the shallow boundary. When git cannot (no
    /// remote, no access) or the boundary did not move (the remote has nothing more), the error names the CI setting
    /// that gives the job the history it needs.
    /// </summary>
    public void Deepen(string remote, int commits, string shallowFile, string wanted)
    {
        var before = ShallowBoundary(shallowFile);
        var output = _git.Run(Root, new ProcessArgumentBuilder().Append("fetch").Append("--quiet").Append("--no-tags").Append($"--deepen={commits}").AppendQuoted(remote));
        if (!output.Succeeded)
        {
            throw CannotDeepen(wanted, $"git fetch --deepen={commits} {remote} failed: {output.Reason}");
        }

        if (ShallowBoundary(shallowFile) is { } after && after == before)
        {
            throw CannotDeepen(wanted, $"{remote} has no older history to fetch");
        }
    }

    /// <summary>The files that differ between two commits: one <c>git diff --name-status -z -M</c>, renames detected.</summary>
    public IReadOnlyList<ChangedFile> Diff(string baseCommit, string head)
    {
        // --relative: paths as release.yaml names them, from its folder, even when that is not the top of the git repository.
        var arguments = new ProcessArgumentBuilder().Append("diff").Append("--name-status").Append("-z").Append("-M").Append("--no-color").Append("--relative")
            .Append(baseCommit).Append(head).Append("--");
        var output = _git.Run(Root, arguments).OrFail(Root, $"compare {baseCommit} with {head}", "check that both commits exist");
        return ParseNameStatus(string.Join('\n', output.Output));
    }

    /// <summary>Reads <c>git diff --name-status -z</c>: a status, then one path (two for a rename or copy), each NUL-terminated.</summary>
    public static IReadOnlyList<ChangedFile> ParseNameStatus(string text)
    {
        var fields = text.Split('\0');
        var files = new List<ChangedFile>();
        for (var i = 0; i + 1 < fields.Length;)
        {
            var status = fields[i].Trim('\n');
            if (status.Length == 0)
            {
                i++;
                continue;
            }

            switch (status[0])
            {
                case 'R' when i + 2 < fields.Length:
                    files.Add(new ChangedFile(FileChangeStatus.Renamed, fields[i + 2], fields[i + 1]));
                    i += 3;
                    break;
                case 'C' when i + 2 < fields.Length:
                    // A copy leaves its source as it was: only the new file changed.
                    files.Add(new ChangedFile(FileChangeStatus.Added, fields[i + 2]));
                    i += 3;
                    break;
                default:
                    files.Add(new ChangedFile(status[0] switch
                    {
                        'A' => FileChangeStatus.Added,
                        'D' => FileChangeStatus.Deleted,
                        _ => FileChangeStatus.Modified,
                    }, fields[i + 1]));
                    i += 2;
                    break;
            }
        }

        return files;
    }

    private bool Probe(string head, string? baseRevision, out HeadProbe probe)
    {
        // One process for everything head needs: git's start-up costs more than the answers.
        var arguments = new ProcessArgumentBuilder().Append("rev-parse").Append("--is-shallow-repository").Append("--git-path").Append("shallow").AppendQuoted($"{head}^{{commit}}");
        if (baseRevision is not null)
        {
            arguments.AppendQuoted($"{baseRevision}^{{commit}}");
        }

        arguments.AppendQuoted($"{head}^@");
        var output = _git.Run(Root, arguments);
        var lines = output.Output.Where(line => line.Length > 0).ToList();
        var fixedLines = baseRevision is null ? 3 : 4;
        if (!output.Succeeded || lines.Count < fixedLines)
        {
            probe = null!;
            return false;
        }

        // git prints the shallow file's path relative to the folder it runs in, unless it lies elsewhere (a worktree).
        var shallowFile = System.IO.Path.Combine(Root.FullPath, lines[1]);
        probe = new HeadProbe(lines[2], lines.Count - fixedLines, lines[0] == "true", shallowFile, baseRevision is null ? null : lines[3]);
        return true;
    }

    // The commits the clone's history is cut at, one per line; gone once the clone has all of it.
    private static string? ShallowBoundary(string shallowFile) =>
        File.Exists(shallowFile) ? File.ReadAllText(shallowFile) : null;

    private ReleaseException CannotDeepen(string wanted, string why) =>
        new($"{Root.FullPath} is a shallow clone without {wanted} ({why}); fetch the full history in CI: fetch-depth: 0 on actions/checkout, GIT_DEPTH: 0 in GitLab CI, or git fetch --unshallow.");
}
