using System.Text.RegularExpressions;
using Cake.Release.Changes;
using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Interop;

/// <summary>
/// The breaking notes <see cref="ConventionalCommitParser"/> reads from messages written by real <c>git commit</c>
/// (sign-offs, squash bodies, reverts, values on the next line), against conventional-commits-parser's notes. Each case
/// says what Conventional Commits 1.0.0 makes of it and, where the two parsers part, why.
/// </summary>
public sealed partial class ConventionalCommitsInteropTests : IDisposable
{
    private readonly GitRemote _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Breaking_notes_match_conventional_commits_parser_but_where_the_spec_ends_a_value_at_the_next_token()
    {
        var cases = Corpus();
        var log = Git("log", "--all", "--format=%H%x00%P%x00%B%x1e").Split('\x1e', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(record => record.TrimStart('\n').Split('\0'))
            .ToDictionary(fields => fields[0], fields => new CommitRecord(fields[0], fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length, DateTimeOffset.UnixEpoch, fields[2]));
        var commits = cases.Select(c => log[c.Sha]).ToList();
        var theirs = NodeInterop.Ask(new { commits = commits.Select(c => c.Message) }).GetProperty("commits");

        var problems = new List<string>();
        for (var i = 0; i < cases.Count; i++)
        {
            var ours = ConventionalCommitParser.Parse(commits[i]).Select(e => e.BreakingNote).OfType<string>().Select(Normal).ToList();
            var notes = theirs[i].GetProperty("notes").EnumerateArray().Select(n => Normal(n.GetProperty("text").GetString()!)).ToList();
            var (name, expected, difference) = (cases[i].Name, cases[i].Expected, cases[i].Difference);
            if (!ours.SequenceEqual(expected))
            {
                problems.Add($"{name}: ours [{string.Join(" | ", ours)}], the spec's [{string.Join(" | ", expected)}]");
            }

            if (ours.SequenceEqual(notes) != (difference is null))
            {
                problems.Add($"{name}: ours [{string.Join(" | ", ours)}], conventional-commits-parser's [{string.Join(" | ", notes)}], expected {(difference is null ? "the same" : "a difference: " + difference)}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private List<(string Name, string Sha, string[] Expected, string? Difference)> Corpus()
    {
        const string RunsOn = "conventional-commits-parser knows no token but BREAKING CHANGE and references, so its note runs on over the later footers; the spec ends a value at the next token";
        var cases = new List<(string, string, string[], string?)>();
        void Commit(string name, string[] expected, string? difference, params string[] args)
        {
            File.AppendAllText(Path.Combine(_repo.Seed, "log.txt"), name + "\n");
            Git(["add", "log.txt"]);
            Git(["commit", "--quiet", .. args]);
            cases.Add((name, Git("rev-parse", "HEAD").Trim(), expected, difference));
        }

        Commit("footer before a sign-off", ["page numbers start at 1"], RunsOn, "-s", "-m", "feat(api): new paging", "-m", "BREAKING CHANGE: page numbers start at 1");
        Commit("value on the next line", ["page numbers start at 1 and the size is capped"], null, "-m", "feat: paging", "-m", "BREAKING CHANGE:\npage numbers start at 1\nand the size is capped");
        Commit("value over two paragraphs", ["page numbers start at 1. Add one to old ones."], null, "-m", "feat: paging", "-m", "BREAKING CHANGE: page numbers start at 1.", "-m", "Add one to old ones.");
        Commit("BREAKING-CHANGE after a reference", ["sizes are in bytes"], null, "-m", "fix!: sizes", "-m", "Closes #12", "-m", "BREAKING-CHANGE: sizes are in bytes");
        Commit("no breaking footer", [], null, "-s", "-m", "fix: totals", "-m", "Rounds half up.", "-m", "Refs: #7");
        Commit("lower case is no token", [], "conventional-commits-parser ignores case in note keywords; the spec wants BREAKING CHANGE in upper case (item 15)", "-m", "fix: totals", "-m", "breaking change: not the token");
        Commit("breaking line inside a body paragraph", [], "conventional-commits-parser takes a BREAKING CHANGE line anywhere; the spec's footers start after a blank line",
            "-m", "feat: paging", "-m", "Explains the change.\nBREAKING CHANGE: said in passing");
        Commit("GitHub squash body, title not conventional", ["refunds need the ledger table"], "conventional-commits-parser runs the note on into the next squashed commit; each squashed commit ends where the next * line starts",
            "-m", "Payments v2 (#123)", "-m", "* feat(payments): add refunds", "-m", "BREAKING CHANGE: refunds need the ledger table", "-m", "* fix: round totals");

        // git revert, with a breaking footer added in the editor git opens.
        var reverted = Git("rev-parse", "HEAD").Trim();
        Git(["-c", "core.editor=printf '\\nBREAKING CHANGE: refunds are gone again\\n' >>", "revert", "--edit", "HEAD"]);
        cases.Add(("git revert", Git("rev-parse", "HEAD").Trim(), ["refunds are gone again"], null));
        Assert.Contains($"This reverts commit {reverted}.", Git("log", "-1", "--format=%B"));

        // git merge --squash of a branch with a breaking commit (signed off) and another one.
        Git(["checkout", "--quiet", "-b", "feature"]);
        Commit("squashed 1", ["ledger rows are immutable"], RunsOn, "-s", "-m", "feat(ledger): append only", "-m", "BREAKING CHANGE: ledger rows are immutable");
        Commit("squashed 2", [], null, "-m", "fix(ledger): typo");
        Git(["checkout", "--quiet", "main"]);
        Git(["merge", "--quiet", "--squash", "feature"]);
        Git(["commit", "--quiet", "--no-edit"]);
        cases.Add(("git merge --squash", Git("rev-parse", "HEAD").Trim(), ["ledger rows are immutable"], RunsOn));
        Assert.StartsWith("Squashed commit of the following:", Git("log", "-1", "--format=%B"));
        return cases;
    }

    private string Git(params string[] args) => GitRemote.Git(_repo.Seed, args);

    private static string Normal(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
