using Cake.Release.Diffs;
using Cake.Release.Tests.Infrastructure;
using Cake.Release.Tests.Yaml;

namespace Cake.Release.Tests.Diffs;

public sealed class UnifiedDiffTests
{
    [Fact]
    public void Equal_texts_give_an_empty_diff()
    {
        Assert.Equal("", UnifiedDiff.Create("a\nb\n", "a\nb\n", "a/x", "b/x"));
    }

    [Fact]
    public void A_one_line_change_shows_three_lines_of_context_each_side()
    {
        var old = Lines(1, 10);
        var diff = UnifiedDiff.Create(old, old.Replace("line 5\n", "line five\n", StringComparison.Ordinal), "a/v.yaml", "b/v.yaml");

        Assert.Equal("""
            --- a/v.yaml
            +++ b/v.yaml
            @@ -2,7 +2,7 @@
             line 2
             line 3
             line 4
            -line 5
            +line five
             line 6
             line 7
             line 8

            """.Replace("\r\n", "\n", StringComparison.Ordinal), diff);
    }

    [Fact]
    public void Changes_further_apart_than_twice_the_context_get_hunks_of_their_own_and_closer_ones_share_one()
    {
        var old = Lines(1, 30);
        var changed = old.Replace("line 2\n", "two\n", StringComparison.Ordinal).Replace("line 8\n", "eight\n", StringComparison.Ordinal)
            .Replace("line 25\n", "twenty-five\n", StringComparison.Ordinal);

        var headers = UnifiedDiff.Create(old, changed, "a/x", "b/x").Split('\n').Where(l => l.StartsWith("@@", StringComparison.Ordinal));

        Assert.Equal(["@@ -1,11 +1,11 @@", "@@ -22,7 +22,7 @@"], headers);
    }

    [Fact]
    public void Added_lines_at_the_end_of_a_file_without_a_final_newline_mark_it()
    {
        var diff = UnifiedDiff.Create("a: 1\nb: 2", "a: 1\nb: 2\nc: 3", "a/x", "b/x", context: 1);

        Assert.Equal("--- a/x\n+++ b/x\n@@ -1,2 +1,3 @@\n a: 1\n-b: 2\n\\ No newline at end of file\n+b: 2\n+c: 3\n\\ No newline at end of file\n", diff);
    }

    [Fact]
    public void A_new_file_diffs_from_an_empty_range()
    {
        Assert.Equal("--- /dev/null\n+++ b/x\n@@ -0,0 +1,2 @@\n+a\n+b\n", UnifiedDiff.Create("", "a\nb\n", "/dev/null", "b/x"));
    }

    [Fact]
    public void CRLF_lines_keep_their_CR_and_a_line_ending_change_is_a_change()
    {
        var diff = UnifiedDiff.Create("a\r\nb\r\n", "a\r\nb\n", "a/x", "b/x");

        Assert.Equal("--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+b\n", diff);
    }

    [Fact]
    public void A_shortest_script_keeps_moved_around_lines()
    {
        var diff = UnifiedDiff.Create("a\nb\nc\nd\n", "b\nc\nx\nd\ny\n", "a/x", "b/x", context: 0);

        Assert.Equal("--- a/x\n+++ b/x\n@@ -1 +0,0 @@\n-a\n@@ -3,0 +3 @@\n+x\n@@ -4,0 +5 @@\n+y\n", diff);
    }

    [Theory]
    [InlineData("crlf")]
    [InlineData("no-final-newline")]
    [InlineData("many-changes")]
    [InlineData("rewrite")]
    public void Git_apply_accepts_the_diff_and_produces_the_new_text(string shape)
    {
        var (old, changed) = shape switch
        {
            "crlf" => ("a: 1\r\nb: 2\r\nc: 3\r\n", "a: 1\r\nb: 20\r\nc: 3\r\nd: 4\r\n"),
            "no-final-newline" => (Lines(1, 9).TrimEnd('\n'), Lines(1, 9).Replace("line 9\n", "line nine", StringComparison.Ordinal) + "\nline 10"),
            "many-changes" => (Lines(1, 200), string.Concat(Lines(1, 200).Split('\n').Select((l, i) => i % 17 == 0 ? $"changed {i}\n" : i % 23 == 0 ? "" : l + "\n")).TrimEnd('\n') + "\n"),
            _ => (Lines(1, 50), Lines(100, 120)),
        };
        using var repository = new TempFolder();
        var file = Path.Combine(repository.Path, "values.yaml");
        File.WriteAllText(file, old);
        var patch = Path.Combine(repository.Path, "change.patch");
        File.WriteAllText(patch, UnifiedDiff.Create(old, changed, "a/values.yaml", "b/values.yaml"));
        Git(repository.Path, "init", "-q");

        Git(repository.Path, "apply", "--check", "change.patch");
        Git(repository.Path, "apply", "change.patch");

        Assert.Equal(changed, File.ReadAllText(file));
    }

    [Fact]
    public void A_one_line_change_in_a_2000_line_file_is_one_small_hunk()
    {
        var old = Lines(1, 2000);

        var diff = UnifiedDiff.Create(old, old.Replace("line 1000\n", "line 1000!\n", StringComparison.Ordinal), "a/x", "b/x");

        Assert.Equal(11, diff.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("@@ -997,7 +997,7 @@\n", diff);
    }

    private static string Lines(int from, int to) => string.Concat(Enumerable.Range(from, to - from + 1).Select(i => $"line {i}\n"));

    private static void Git(string directory, params string[] args)
    {
        var result = ProcessRun.Start("git", args, directory);
        Assert.True(result.ExitCode == 0, result.ToString());
    }
}
