using Cake.Core;
using Cake.Core.IO;

namespace Cake.Release.GitOps;

/// <summary>The questions a hotfix asks git about a release branch: is a fix already on it, and is a commit in a release.</summary>
internal sealed class HotfixRepository
{
    private readonly IGit _git;
    private readonly GitHistory _history;

    public HotfixRepository(ICakeContext context, DirectoryPath root, GitSettings? settings = null)
    {
        _git = GitTool.For(context, settings);
        _history = new GitHistory(context, root, settings);
        Root = root.MakeAbsolute(context.Environment);
    }

    public DirectoryPath Root { get; }

    /// <summary>Brings a remote tag's commit into the object store without creating the tag locally.</summary>
    public void FetchTag(string remote, string tag, string commit)
    {
        if (_history.Commit(commit) is not null)
        {
            return;
        }

        var arguments = new ProcessArgumentBuilder().Append("fetch").Append("--quiet").Append("--no-tags").Append("--no-write-fetch-head")
            .Append("--refmap=").AppendQuoted(remote).AppendQuoted($"refs/tags/{tag}");
        _git.Run(Root, arguments).OrFail(Root, $"fetch the tag {tag} from '{remote}'", "check the remote and your credentials, then run again", remote);
    }

    /// <summary>Whether <paramref name="ancestor"/> is <paramref name="commit"/> or one of its ancestors.</summary>
    public bool Contains(string commit, string ancestor)
    {
        var output = _git.Run(Root, new ProcessArgumentBuilder().Append("merge-base").Append("--is-ancestor").Append(ancestor).Append(commit));
        return output.ExitCode switch
        {
            0 => true,
            1 => false,
            _ => throw new ReleaseException($"git could not compare {ShortCommit.Of(ancestor)} with {ShortCommit.Of(commit)} in {Root.FullPath}: {output.Reason}; check the repository."),
        };
    }

    /// <summary>
    /// The commit through which <paramref name="tip"/> already holds <paramref name="fix"/>: the fix itself when it
    /// is an ancestor, the commit whose <c>-x</c> trailer names it, or the tip when <c>git cherry</c> finds the same
    /// patch there under another commit; null when the fix is not there.
    /// </summary>
    public string? FindFix(string tip, string fix)
    {
        if (Contains(tip, fix))
        {
            return fix;
        }

        if (_history.FindCommit(tip, $"(cherry picked from commit {fix})") is { } picked)
        {
            return picked;
        }

        // "- <sha>" marks a commit of fix^..fix whose patch tip already has.
        var cherry = _git.Run(Root, new ProcessArgumentBuilder().Append("cherry").Append(tip).Append(fix).Append($"{fix}^"));
        return cherry.Succeeded && cherry.Output.Any(line => line.StartsWith("- ", StringComparison.Ordinal)) ? tip : null;
    }
}
