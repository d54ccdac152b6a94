using System.Text;
using Cake.Core;
using Cake.Core.IO;
using Cake.Release.Secrets;
using File = System.IO.File;
using Path = System.IO.Path;

namespace Cake.Release.GitOps;

/// <summary>
/// The git operations a GitOps write needs, on a repository's object store only: nothing here reads or changes the
/// user's working tree, index or HEAD, and no local ref is moved (fetches go to the object store, not to
/// remote-tracking refs), so a release step is safe to run from a developer's checkout.
/// </summary>
internal sealed class GitRepository
{
    private readonly IGit _git;
    private readonly Dictionary<IReadOnlyDictionary<string, string>, CommitSignature?> _signatures = new(ReferenceEqualityComparer.Instance);
    private string? _gitDir;

    public GitRepository(ICakeContext context, DirectoryPath root, GitSettings? settings = null)
    {
        _git = GitTool.For(context, settings);
        Root = root.MakeAbsolute(context.Environment);
    }

    public DirectoryPath Root { get; }

    /// <summary>The tips of the given branches on the remote; a branch the remote lacks is absent from the result.</summary>
    public IReadOnlyDictionary<string, string> RemoteBranches(string remote, params string[] branches)
    {
        // Bytes in and out (GitPipe): this call opens a GitOps write's race window, and fetch and push close it.
        var output = Lines(_git.RunBytes(Root, ["ls-remote", "--heads", remote, .. branches.Select(branch => $"refs/heads/{branch}")]))
            .OrFail(Root, $"read the branches of remote '{remote}'", $"check that '{remote}' exists (git remote -v) and is reachable", remote);
        return output.Output
            .Select(line => line.Split('\t', 2))
            .Where(parts => parts.Length == 2 && parts[1].StartsWith("refs/heads/", StringComparison.Ordinal))
            .ToDictionary(parts => parts[1]["refs/heads/".Length..], parts => parts[0], StringComparer.Ordinal);
    }

    /// <summary>The commit a ref (full name, e.g. <c>refs/notes/…</c>) names on the remote, or null when it has none.</summary>
    public string? RemoteRef(string remote, string reference)
    {
        var arguments = new ProcessArgumentBuilder().Append("ls-remote").AppendQuoted(remote).AppendQuoted(reference);
        var output = _git.Run(Root, arguments).OrFail(Root, $"read {reference} of remote '{remote}'", $"check that '{remote}' exists (git remote -v) and is reachable");
        return output.Output.Select(line => line.Split('\t', 2)).FirstOrDefault(parts => parts.Length == 2 && parts[1] == reference)?[0];
    }

    /// <summary>Brings a remote branch's commits into the object store without moving any local ref.</summary>
    public void FetchObjects(string remote, string branch, string expectedTip) => FetchRef(remote, $"refs/heads/{branch}", expectedTip);

    /// <summary>
    /// Brings the commits of several remote branches into the object store, without moving any local ref: one git
    /// call finds the tips the clone lacks, one fetch brings them.
    /// </summary>
    public void FetchObjects(string remote, IReadOnlyDictionary<string, string> tips)
    {
        var branches = tips.Keys.ToList();
        if (branches.Count == 0)
        {
            return;
        }

        var check = _git.RunBytes(Root, ["cat-file", "--batch-check"], standardInput: Encoding.UTF8.GetBytes(string.Concat(branches.Select(branch => tips[branch] + "^{commit}\n"))));
        var answers = Encoding.UTF8.GetString(check.Output).Split('\n');
        var missing = branches.Where((_, i) => check.ExitCode != 0 || i >= answers.Length || answers[i].EndsWith(" missing", StringComparison.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            Fetch(remote, [.. missing.Select(branch => $"refs/heads/{branch}")]);
        }
    }

    /// <summary>Brings the commits of a remote ref (full name) into the object store without moving any local ref.</summary>
    public void FetchRef(string remote, string reference, string expectedTip)
    {
        if (HasCommit(expectedTip))
        {
            return;
        }

        Fetch(remote, [reference]);
    }

    // Into the object store only: an empty --refmap keeps git from updating refs/remotes/<remote>/<branch> on the side.
    private void Fetch(string remote, IReadOnlyList<string> references)
    {
        var names = string.Join("', '", references.Select(r => r.StartsWith("refs/heads/", StringComparison.Ordinal) ? r["refs/heads/".Length..] : r));
        Lines(_git.RunBytes(Root, ["fetch", "--quiet", "--no-tags", "--no-write-fetch-head", "--refmap=", remote, .. references]))
            .OrFail(Root, $"fetch '{names}' from '{remote}'", "check the remote and your credentials, then run again", remote);
    }

    public bool HasCommit(string sha) => _git.HasCommit(Root, sha);

    /// <summary>Whether <paramref name="ancestor"/> is <paramref name="descendant"/> or in its history; false when either is not in this clone.</summary>
    public bool IsAncestor(string ancestor, string descendant) =>
        _git.Run(Root, new ProcessArgumentBuilder().Append("merge-base").Append("--is-ancestor").Append(ancestor).Append(descendant)).Succeeded;

    /// <summary>The files at the given paths in a commit (exact bytes), with their modes; missing paths are absent.</summary>
    public IReadOnlyDictionary<string, TreeFile> ReadFiles(string commit, IEnumerable<string> paths) =>
        ReadFiles(paths.Select(path => (commit, path))).ToDictionary(file => file.Key.Path, file => file.Value, StringComparer.Ordinal);

    /// <summary>Files of several commits (exact bytes), with their modes, in one read; missing files are absent.</summary>
    public IReadOnlyDictionary<(string Commit, string Path), TreeFile> ReadFiles(IEnumerable<(string Commit, string Path)> files)
    {
        var wanted = files.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<(string Commit, string Path), TreeFile>();
        }

        if (wanted.All(file => TreeFileBatch.CanAsk(file.Path)))
        {
            var batch = _git.RunBytes(Root, ["cat-file", "--batch"], standardInput: TreeFileBatch.Request(wanted));
            var read = batch.ExitCode == 0 ? TreeFileBatch.Parse(batch.Output, wanted) : null;
            var commits = string.Join(", ", wanted.Select(file => file.Commit).Distinct(StringComparer.Ordinal));
            return read ?? throw new ReleaseException(GitFailure.Describe(Root, $"list files of {commits}", "check that the commit exists", batch.ExitCode == 0 ? new GitOutput(128, [], [$"fatal: {commits} is not in the clone"]) : batch.AsOutput(), null));
        }

        return wanted.GroupBy(file => file.Commit, StringComparer.Ordinal)
            .SelectMany(commit => ReadFilesListed(commit.Key, [.. commit.Select(file => file.Path)]).Select(file => (Key: (commit.Key, file.Key), file.Value)))
            .ToDictionary(file => file.Key, file => file.Value);
    }

    // The files one by one (ls-tree, then each blob), for paths a batch cannot ask for as they are.
    private Dictionary<string, TreeFile> ReadFilesListed(string commit, List<string> wanted)
    {
        // -z keeps unusual paths unquoted; entries are NUL-terminated "<mode> <type> <object>\t<path>".
        var listing = new ProcessArgumentBuilder().Append("ls-tree").Append("-z").Append("--full-tree").Append(commit).Append("--");
        wanted.ForEach(path => listing.AppendQuoted(path));
        var entries = _git.Run(Root, listing).OrFail(Root, $"list files of {commit}", "check that the commit exists");

        var files = new Dictionary<string, TreeFile>(StringComparer.Ordinal);
        foreach (var entry in string.Join('\n', entries.Output).Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var (meta, path) = (entry.Split('\t', 2)[0].Split(' '), entry.Split('\t', 2)[1]);
            if (meta[1] == "blob" && wanted.Contains(path, StringComparer.Ordinal))
            {
                files[path] = new TreeFile(meta[0], ReadBlob(meta[2]));
            }
        }

        return files;
    }

    /// <summary>The paths of every file at or under <paramref name="folder"/> in a commit.</summary>
    public IReadOnlyList<string> ListFiles(string commit, string folder)
    {
        var listing = new ProcessArgumentBuilder().Append("ls-tree").Append("-r").Append("-z").Append("--name-only").Append("--full-tree").Append(commit).Append("--").AppendQuoted(folder);
        var output = _git.Run(Root, listing).OrFail(Root, $"list the files of {folder} at {commit}", "check that the commit exists");
        return string.Join('\n', output.Output).Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>
    /// A commit on <paramref name="parent"/> whose tree is the parent's with the given files replaced (a root commit
    /// of just those files when the parent is null), built in a temporary index. Blobs are written without filters so
    /// the committed bytes are exactly the edited ones.
    /// </summary>
    public string Commit(string? parent, IReadOnlyList<(string Path, TreeFile? File)> changes, string message, IReadOnlyDictionary<string, string> identity)
    {
        var signature = Signature(identity);
        if (signature is not { Importable: true })
        {
            return CommitThroughIndex(parent, changes, message, identity);
        }

        var now = DateTimeOffset.UtcNow;
        var stream = FastImportCommit.Stream(parent, changes, message, signature.AuthorAt(now), signature.CommitterAt(now));
        var import = _git.RunBytes(Root, ["fast-import", "--quiet"], identity, stream);
        var commit = import.ExitCode == 0 ? Encoding.ASCII.GetString(import.Output).Trim() : "";
        return commit.Length > 0 ? commit : throw new ReleaseException(GitFailure.Describe(Root, "create the commit", "check that the repository is writable", import.AsOutput(), null));
    }

    /// <summary>
    /// Who commits, as git works it out under <paramref name="identity"/> (<see cref="CommitIdentity"/>); asked once
    /// per identity, so a write's retries do not ask again inside their race window. Null when git names nobody.
    /// </summary>
    public CommitSignature? Signature(IReadOnlyDictionary<string, string> identity)
    {
        lock (_signatures)
        {
            if (!_signatures.TryGetValue(identity, out var signature))
            {
                // Through the byte runner, which logs the command line and not what it prints: `git var -l` lists the
                // configuration, where actions/checkout leaves the job's token as an extra header.
                var variables = Lines(_git.RunBytes(Root, ["var", "-l"], identity));
                signature = variables.Succeeded
                    ? CommitSignature.Parse(variables.Output, !string.IsNullOrEmpty(_git.Variable("GIT_AUTHOR_DATE", identity)), !string.IsNullOrEmpty(_git.Variable("GIT_COMMITTER_DATE", identity)))
                    : null;
                _signatures[identity] = signature;
            }

            return signature;
        }
    }

    /// <summary>
    /// <see cref="Commit"/> built in a temporary index with <c>commit-tree</c>, for a repository whose commits
    /// fast-import cannot write as commit-tree would (<see cref="CommitSignature.Importable"/>).
    /// </summary>
    internal string CommitThroughIndex(string? parent, IReadOnlyList<(string Path, TreeFile? File)> changes, string message, IReadOnlyDictionary<string, string> identity)
    {
        // A null file is a deletion: a rendered object the new render no longer prints.
        var files = changes.Where(c => c.File is not null).Select(c => (c.Path, File: c.File!)).ToList();
        var removed = changes.Where(c => c.File is null).Select(c => c.Path).ToList();
        var scratch = Directory.CreateTempSubdirectory("cake-release-commit-");
        try
        {
            var index = new Dictionary<string, string> { ["GIT_INDEX_FILE"] = Path.Combine(scratch.FullName, "index") };
            _git.Run(Root, new ProcessArgumentBuilder().Append("read-tree").Append(parent ?? "--empty"), index).OrFail(Root, $"read the tree of {parent ?? "an empty commit"}", "check the repository");

            var blobs = files.Select((file, i) => Path.Combine(scratch.FullName, $"blob{i}")).ToList();
            for (var i = 0; i < files.Count; i++)
            {
                File.WriteAllBytes(blobs[i], files[i].File.Content);
            }

            var hash = new ProcessArgumentBuilder().Append("hash-object").Append("-w").Append("--no-filters").Append("--");
            blobs.ForEach(blob => hash.AppendQuoted(blob));
            var shas = files.Count == 0 ? [] : _git.Run(Root, hash).OrFail(Root, "store the edited files", "check that the repository is writable").Output;

            var update = new ProcessArgumentBuilder().Append("update-index").Append("--add");
            for (var i = 0; i < files.Count; i++)
            {
                update.Append("--cacheinfo").AppendQuoted($"{files[i].File.Mode},{shas[i]},{files[i].Path}");
            }

            if (removed.Count > 0)
            {
                update.Append("--force-remove").Append("--");
                removed.ForEach(path => update.AppendQuoted(path));
            }

            _git.Run(Root, update, index).OrFail(Root, "stage the edited files", "check the file paths");
            var tree = _git.Run(Root, new ProcessArgumentBuilder().Append("write-tree"), index).OrFail(Root, "write the tree", "check the repository").Output[0];

            var commit = new ProcessArgumentBuilder().Append("commit-tree").Append(tree);
            if (parent is not null)
            {
                commit.Append("-p").Append(parent);
            }

            commit.Append("-F").Append("-");
            return _git.Run(Root, commit, identity, Encoding.UTF8.GetBytes(message)).OrFail(Root, "create the commit", "check git's user.name and user.email").Output[0];
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    /// <summary>Writes every file of a commit's tree under <paramref name="folder"/>, through a temporary index: the checkout, its index and HEAD stay as they are.</summary>
    public void Materialise(string commit, string folder)
    {
        var index = new Dictionary<string, string> { ["GIT_INDEX_FILE"] = Path.Combine(folder, ".git-index") };
        _git.Run(Root, new ProcessArgumentBuilder().Append("read-tree").Append(commit), index).OrFail(Root, $"read the tree of {commit}", "check the repository");
        var prefix = Path.Combine(folder, "tree") + Path.DirectorySeparatorChar;
        _git.Run(Root, new ProcessArgumentBuilder().Append("checkout-index").Append("--all").Append("--force").AppendQuoted($"--prefix={prefix}"), index)
            .OrFail(Root, $"write the files of {commit} to {prefix}", "check the free space of the temp folder");
    }

    /// <summary>
    /// The tree a commit on <paramref name="commit"/> with <paramref name="changes"/> would have, written under
    /// <paramref name="folder"/>/tree (<see cref="Materialise"/>), for a tool to judge an edit before it is pushed.
    /// </summary>
    /// <returns>The folder the tree was written to.</returns>
    public string MaterialiseWith(string commit, IReadOnlyList<Diffs.FileChange> changes, string folder)
    {
        Materialise(commit, folder);
        var tree = Path.Combine(folder, "tree");
        foreach (var file in changes)
        {
            var path = Path.Combine(tree, file.Path);
            if (file.After is null)
            {
                File.Delete(path);
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, BranchSnapshot.Encode(file.After));
        }

        return tree;
    }

    /// <summary>Pushes a commit to a remote branch, never forcing: a remote that moved on rejects it.</summary>
    public PushOutcome Push(string remote, string commit, string branch) => PushRef(remote, commit, $"refs/heads/{branch}");

    /// <summary>
    /// Pushes a commit to a branch this tool owns (a promotion branch), replacing what it held only if that is still
    /// <paramref name="expected"/> (null: the branch must not exist yet), so two runs never overwrite each other unseen.
    /// </summary>
    public PushOutcome PushReplacing(string remote, string commit, string branch, string? expected)
    {
        var reference = $"refs/heads/{branch}";
        var arguments = new ProcessArgumentBuilder().Append("push").Append("--porcelain").AppendQuoted($"--force-with-lease={reference}:{expected ?? ""}").AppendQuoted(remote).AppendQuoted($"{commit}:{reference}");
        var output = _git.Run(Root, arguments);
        var refused = output.Output.FirstOrDefault(line => line.StartsWith('!'));
        return output.Succeeded ? PushOutcome.Accepted
            : refused is not null && (PushOutcome.IsLostRace(refused) || refused.Contains("stale info", StringComparison.Ordinal)) ? PushOutcome.Raced(refused)
            : PushOutcome.Refused(refused is null ? output.Reason : SecretRedactor.MaskUserInfo(refused.Split('\t').Last()));
    }

    /// <summary>The full message of a commit the clone holds.</summary>
    public string Message(string commit) =>
        string.Join('\n', _git.Run(Root, new ProcessArgumentBuilder().Append("log").Append("-1").Append("--format=%B").AppendQuoted(commit)).OrFail(Root, $"read the message of {ShortCommit.Of(commit)}", "check that the commit exists").Output);

    /// <summary>The first parent of a commit the clone holds, or null for a root commit.</summary>
    public string? Parent(string commit)
    {
        var output = _git.Run(Root, new ProcessArgumentBuilder().Append("rev-parse").Append("--verify").Append("--quiet").AppendQuoted($"{commit}^1"));
        return output.Succeeded ? output.Output.FirstOrDefault() : null;
    }

    /// <summary>Pushes a commit to a remote ref (full name), never forcing: a remote that moved on rejects it.</summary>
    public PushOutcome PushRef(string remote, string commit, string reference)
    {
        var output = Lines(_git.RunBytes(Root, ["push", "--porcelain", remote, $"{commit}:{reference}"]));
        if (output.Succeeded)
        {
            return PushOutcome.Accepted;
        }

        // --porcelain reports each ref as "<flag>\t<from>:<to>\t<summary> (<reason>)"; "!" is a refused ref.
        var refused = output.Output.FirstOrDefault(line => line.StartsWith('!'));
        return refused switch
        {
            not null when PushOutcome.IsLostRace(refused) => PushOutcome.Raced(refused),
            not null => PushOutcome.Refused(SecretRedactor.MaskUserInfo(refused.Split('\t').Last())),
            _ => PushOutcome.Refused(output.Reason),
        };
    }

    /// <summary>The identity git would commit as, or a neutral one when the machine has none (a bare CI runner).</summary>
    public IReadOnlyDictionary<string, string> CommitIdentity()
    {
        return _git.Run(Root, new ProcessArgumentBuilder().Append("var").Append("GIT_COMMITTER_IDENT")).Succeeded ? new Dictionary<string, string>() : NeutralIdentity;
    }

    /// <summary>Who commits and tags on a machine where git knows nobody.</summary>
    public static IReadOnlyDictionary<string, string> NeutralIdentity { get; } = new Dictionary<string, string>
    {
        ["GIT_AUTHOR_NAME"] = "Cake.Release",
        ["GIT_AUTHOR_EMAIL"] = "cake-release@localhost",
        ["GIT_COMMITTER_NAME"] = "Cake.Release",
        ["GIT_COMMITTER_EMAIL"] = "cake-release@localhost",
    };

    /// <summary>The configured git user's name, or null.</summary>
    public string? UserName()
    {
        var output = _git.Run(Root, new ProcessArgumentBuilder().Append("config").Append("user.name"));
        return output.Succeeded ? output.Output.FirstOrDefault() : null;
    }

    // A full object name is taken as given: promotions and rollbacks copy it from a manifest entry, and a shallow CI
    // clone need not hold that commit. Anything shorter (HEAD, a branch, an abbreviation) is resolved in the clone.
    public string SourceCommit(string? commit) =>
        commit is { Length: 40 } && commit.All(char.IsAsciiHexDigitLower) ? commit : ResolveCommit(commit ?? "HEAD");

    public string ResolveCommit(string revision) =>
        _git.FindCommit(Root, revision) ?? throw new ReleaseException($"'{revision}' is not a commit in {Root.FullPath}; pass a commit that exists (git log --oneline).");

    // A byte-exact call's output as the lines Cake's runner would have handed over.
    private static GitOutput Lines(GitBytes call) =>
        new(call.ExitCode, Encoding.UTF8.GetString(call.Output).Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0).ToList(), call.Error);

    // `git unpack-file` writes a blob's raw bytes to a file in the current folder; standard output would lose the
    // line endings (Cake reads it line by line), and the exact bytes are the point of a byte-exact edit.
    private byte[] ReadBlob(string blob)
    {
        _gitDir ??= _git.Run(Root, new ProcessArgumentBuilder().Append("rev-parse").Append("--absolute-git-dir")).OrFail(Root, "find the git directory", "run inside a git repository").Output[0];
        var scratch = Directory.CreateTempSubdirectory("cake-release-blob-");
        try
        {
            var arguments = new ProcessArgumentBuilder().Append("--git-dir").AppendQuoted(_gitDir).Append("unpack-file").Append(blob);
            var name = _git.Run(new DirectoryPath(scratch.FullName), arguments).OrFail(Root, $"read blob {blob}", "check the repository").Output[0];
            return File.ReadAllBytes(Path.Combine(scratch.FullName, name));
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

}

/// <summary>A file in a git tree: its mode (100644, 100755) and exact content.</summary>
internal sealed record TreeFile(string Mode, byte[] Content);
