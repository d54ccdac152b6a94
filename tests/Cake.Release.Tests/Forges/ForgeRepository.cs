using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Forges;

/// <summary>
/// The real bare repository behind the forge emulator, as the forge sees it: branch heads read afresh on every
/// question (a push moves them), mergeability by <c>git merge-tree</c>, and merges made the way a forge makes them, a
/// real <c>git merge --no-ff</c> in a temporary clone pushed to the base branch. Identities come from the process
/// environment, never from git config.
/// </summary>
internal sealed class ForgeRepository(string bare)
{
    public string Bare { get; } = Path.GetFullPath(bare);

    /// <summary>The commit a branch points at, or null when there is no such branch.</summary>
    public string? BranchSha(string branch) => Resolve($"refs/heads/{branch}");

    /// <summary>The commit a revision names, or null when it names none.</summary>
    public string? Resolve(string revision)
    {
        var result = Git(Bare, null, "rev-parse", "--verify", "--quiet", $"{revision}^{{commit}}");
        return result.ExitCode == 0 ? result.Output.Trim() : null;
    }

    /// <summary>The best common ancestor of two revisions, or null when they share none.</summary>
    public string? MergeBase(string left, string right)
    {
        var result = Git(Bare, null, "merge-base", left, right);
        return result.ExitCode == 0 ? result.Output.Trim() : null;
    }

    /// <summary>Whether the head has commits the base lacks: a forge refuses a pull request without any.</summary>
    public bool HasCommitsBeyond(string baseBranch, string headBranch)
    {
        var result = Git(Bare, null, "rev-list", "--count", $"refs/heads/{baseBranch}..refs/heads/{headBranch}");
        return result.ExitCode == 0 && result.Output.Trim() != "0";
    }

    /// <summary>Whether the head merges into the base without conflicts, without touching either branch.</summary>
    public bool MergesCleanly(string baseBranch, string headBranch) =>
        Git(Bare, null, "merge-tree", "--write-tree", "--no-messages", $"refs/heads/{baseBranch}", $"refs/heads/{headBranch}").ExitCode == 0;

    /// <summary>What a pull request from <paramref name="head"/> into <paramref name="base"/> changes: commits, lines and files.</summary>
    public (int Commits, int Additions, int Deletions, int Files) Changes(string @base, string head)
    {
        var count = Git(Bare, null, "rev-list", "--count", $"{@base}..{head}");
        var numstat = Git(Bare, null, "diff", "--numstat", $"{@base}...{head}");
        if (count.ExitCode != 0 || numstat.ExitCode != 0)
        {
            return (0, 0, 0, 0);
        }

        var lines = numstat.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToList();
        int Sum(int column) => lines.Sum(l => int.TryParse(l[column], out var n) ? n : 0);
        return (int.Parse(count.Output.Trim(), System.Globalization.CultureInfo.InvariantCulture), Sum(0), Sum(1), lines.Count);
    }

    /// <summary>
    /// Merges the head into the base with a merge commit (both parents) and pushes it to the base branch of the bare
    /// repository; returns the merge commit, or null when the branches conflict.
    /// </summary>
    public string? Merge(string baseBranch, string headSha, string title, string message, Signature author, Signature committer)
    {
        var scratch = Directory.CreateTempSubdirectory("forge-emulator-merge-").FullName;
        try
        {
            var clone = Path.Combine(scratch, "work");
            Check(Git(scratch, null, "clone", "--quiet", "--no-tags", "--branch", baseBranch, Bare, clone));
            Check(Git(clone, null, "fetch", "--quiet", "origin", headSha));
            var identity = new Dictionary<string, string>
            {
                ["GIT_AUTHOR_NAME"] = author.Name,
                ["GIT_AUTHOR_EMAIL"] = author.Email,
                ["GIT_COMMITTER_NAME"] = committer.Name,
                ["GIT_COMMITTER_EMAIL"] = committer.Email,
            };
            var merge = Git(clone, identity, "merge", "--no-ff", "--no-edit", "--quiet", "-m", title, "-m", message, headSha);
            if (merge.ExitCode != 0)
            {
                return null;
            }

            Check(Git(clone, null, "push", "--quiet", "origin", $"HEAD:refs/heads/{baseBranch}"));
            return Git(clone, null, "rev-parse", "HEAD").Output.Trim();
        }
        finally
        {
            try
            {
                Directory.Delete(scratch, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp clone is not worth failing a merge for.
            }
        }
    }

    private static ProcessResult Git(string directory, IDictionary<string, string>? identity, params string[] args)
    {
        var environment = new Dictionary<string, string>(identity ?? new Dictionary<string, string>())
        {
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_TERMINAL_PROMPT"] = "0",
        };
        return ProcessRun.Start("git", args, directory, environment);
    }

    private static void Check(ProcessResult result)
    {
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"the forge emulator's git failed: {result}");
        }
    }
}

/// <summary>A git identity, as a forge writes it into the commits it makes.</summary>
internal sealed record Signature(string Name, string Email);
