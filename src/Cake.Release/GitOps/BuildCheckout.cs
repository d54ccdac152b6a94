using System.Formats.Tar;
using System.Globalization;
using Cake.Core;
using Cake.Core.IO;

namespace Cake.Release.GitOps;

/// <summary>
/// What a build reads from git: the commit to build, its committer time (the images' creation time, so a rebuild is
/// reproducible), the remote's URL for the source label, and the commit's tree when the checkout is elsewhere.
/// </summary>
internal sealed class BuildCheckout
{
    private readonly IGit _git;

    public BuildCheckout(ICakeContext context, DirectoryPath root, GitSettings? settings = null)
    {
        _git = GitTool.For(context, settings);
        Root = root.MakeAbsolute(context.Environment);
    }

    public DirectoryPath Root { get; }

    /// <summary>The full id of the commit a revision names; one that names none is a one-line refusal.</summary>
    public string Commit(string revision)
    {
        return _git.FindCommit(Root, revision)
            ?? throw new ReleaseException($"'{revision}' is not a commit in {Root.FullPath}; pass --commit=<sha> of a commit that exists there (git log --oneline), or fetch it first.");
    }

    /// <summary>The commit checked out, or null in a repository without commits.</summary>
    public string? Head() => _git.FindCommit(Root, "HEAD");

    /// <summary>When the commit was committed, to the second, in UTC.</summary>
    public DateTimeOffset CommitTime(string commit)
    {
        var output = _git.Run(Root, new ProcessArgumentBuilder().Append("show").Append("-s").Append("--format=%ct").Append(commit))
            .OrFail(Root, $"read the time of commit {commit}", "check the repository");
        return DateTimeOffset.FromUnixTimeSeconds(long.Parse(output.Output[0].Trim(), CultureInfo.InvariantCulture));
    }

    /// <summary>The remote's URL as configured (credentials included, if a user put them there), or null without that remote.</summary>
    public string? RemoteUrl(string remote) => _git.RemoteUrl(Root, remote);

    /// <summary>
    /// Writes the commit's tree into <paramref name="folder"/> with <c>git archive</c>: no checkout, index or ref of
    /// the repository changes, and untracked files (build outputs) are not part of it.
    /// </summary>
    public void Export(string commit, string folder)
    {
        var archive = System.IO.Path.Combine(folder, ".cake-release-tree.tar");
        _git.Run(Root, new ProcessArgumentBuilder().Append("archive").Append("--format=tar").Append("-o").AppendQuoted(archive).Append(commit))
            .OrFail(Root, $"export the tree of {commit}", "check that the commit exists and the temp folder is writable");
        TarFile.ExtractToDirectory(archive, folder, overwriteFiles: true);
        File.Delete(archive);
    }
}
