using Cake.Release.Changelog;
using Cake.Release.Changes;
using Cake.Release.Versioning;

namespace Cake.Release.Tests.Changes;

public sealed class ConventionalCommitParserTests
{
    [Fact]
    public void A_header_gives_type_scope_description_and_breaking_bang()
    {
        var entry = Assert.Single(Parse("feat(api)!: drop the v1 endpoints"));

        Assert.Equal((ChangeKind.Conventional, "feat", "api", "drop the v1 endpoints", true), (entry.Kind, entry.Type, entry.Scope, entry.Description, entry.Breaking));
    }

    [Fact]
    public void A_header_without_scope_or_bang_is_not_breaking()
    {
        var entry = Assert.Single(Parse("Fix: handle empty carts"));

        Assert.Equal(("fix", null, "handle empty carts", false), (entry.Type, entry.Scope, entry.Description, entry.Breaking));
    }

    [Theory]
    [InlineData("BREAKING CHANGE")]
    [InlineData("BREAKING-CHANGE")]
    public void A_breaking_footer_marks_the_change_and_keeps_its_note(string token)
    {
        var entry = Assert.Single(Parse($"refactor(db): new schema\n\nThe body explains why.\n\n{token}: orders need a migration\n  run migrate first\nRefs: #42"));

        Assert.True(entry.Breaking);
        Assert.Equal("orders need a migration run migrate first", entry.BreakingNote);
        Assert.Equal([new KeyValuePair<string, string>("Refs", "#42")], entry.Footers);
    }

    [Fact]
    public void A_footer_with_a_hash_separator_is_read()
    {
        var entry = Assert.Single(Parse("fix: x\n\nCloses #7"));

        Assert.Equal("#7".TrimStart('#'), entry.Footers.Single(f => f.Key == "Closes").Value);
    }

    [Fact]
    public void A_squash_body_with_several_bullets_gives_one_entry_each()
    {
        var entries = Parse("Payments v2 (#123)\n\n* feat(payments): add refunds\n* fix: round totals\n\n* feat!: remove card tokens\n* chore: tidy\n\nCo-authored-by: A <a@x>");

        Assert.Equal(
            [("feat", "payments", "add refunds", false), ("fix", null, "round totals", false), ("feat", null, "remove card tokens", true), ("chore", null, "tidy", false)],
            entries.Select(e => (e.Type!, e.Scope, e.Description, e.Breaking)));
    }

    [Fact]
    public void A_conventional_squash_subject_is_kept_beside_its_bullets_without_duplicates()
    {
        var entries = Parse("feat: checkout (#9)\n\n* feat: checkout (#9)\n* fix: typo in the button");

        Assert.Equal(["checkout (#9)", "typo in the button"], entries.Select(e => e.Description));
    }

    [Fact]
    public void Merge_commits_are_skipped()
    {
        Assert.Empty(ConventionalCommitParser.Parse(new CommitRecord("abc1234def", 2, DateTimeOffset.UnixEpoch, "Merge pull request #5 from x/y\n\nfeat: z")));
    }

    [Fact]
    public void Reverts_are_recognised_from_git_and_from_the_type()
    {
        var git = Assert.Single(Parse("Revert \"feat(api): add search\"\n\nThis reverts commit 0123456789abcdef."));
        var typed = Assert.Single(Parse("revert: feat(api): add search"));

        Assert.Equal((ChangeKind.Revert, "revert", "feat(api): add search"), (git.Kind, git.Type, git.Description));
        Assert.Equal((ChangeKind.Revert, "revert", "feat(api): add search"), (typed.Kind, typed.Type, typed.Description));
    }

    [Theory]
    [InlineData("Update README")]
    [InlineData("feat:no space")]
    [InlineData("feat(: broken scope")]
    [InlineData(": nothing")]
    public void Anything_unparseable_is_kept_as_other(string subject)
    {
        var entry = Assert.Single(Parse(subject + "\n\nsome body"));

        Assert.Equal((ChangeKind.Other, null, subject), (entry.Kind, entry.Type, entry.Description));
    }

    [Fact]
    public void A_breaking_footer_before_a_sign_off_paragraph_is_read()
    {
        // What `git commit -s -m "feat: x" -m "BREAKING CHANGE: y"` writes: the sign-off goes into a paragraph of its own.
        var entry = Assert.Single(Parse("feat(api): new paging\n\nBREAKING CHANGE: page numbers start at 1\n\nSigned-off-by: Ann <ann@example.com>"));

        Assert.Equal((true, "page numbers start at 1"), (entry.Breaking, entry.BreakingNote));
        Assert.Equal("Ann <ann@example.com>", entry.Footers.Single(f => f.Key == "Signed-off-by").Value);
        Assert.Equal(ChangeLevel.Major, ChangeLevels.Of([entry]));
        Assert.Contains("- **BREAKING:** **api:** new paging — page numbers start at 1", ReleaseNotes.Render("2.0.0", new DateOnly(2025, 1, 6), [entry], new ChangelogFormat()));
    }

    [Fact]
    public void A_breaking_footer_whose_value_starts_on_the_next_line_is_read()
    {
        var entry = Assert.Single(Parse("feat: new paging\n\nBREAKING CHANGE:\npage numbers start at 1\nand the size is capped\nRefs: #9"));

        Assert.Equal((true, "page numbers start at 1 and the size is capped"), (entry.Breaking, entry.BreakingNote));
        Assert.Equal("#9", entry.Footers.Single(f => f.Key == "Refs").Value);
    }

    [Fact]
    public void A_breaking_value_runs_over_paragraphs_until_the_next_token()
    {
        var entry = Assert.Single(Parse("feat: new paging\n\nWhy: clients asked.\n\nBREAKING CHANGE: page numbers start at 1.\n\nMigrate by adding one.\n\nSigned-off-by: Ann <a@x>"));

        Assert.Equal("page numbers start at 1. Migrate by adding one.", entry.BreakingNote);
        Assert.Equal(["Why", "Signed-off-by"], entry.Footers.Select(f => f.Key));
    }

    [Fact]
    public void A_breaking_footer_in_a_squash_body_under_a_title_that_is_not_conventional_marks_its_commit()
    {
        // GitHub's squash message: the pull request's title, then each commit as "* subject", its body and footers.
        var entries = Parse("Payments v2 (#123)\n\n* feat(payments): add refunds\n\nBREAKING CHANGE: refunds need the new ledger table\n\n* fix: round totals\n\nSigned-off-by: Ann <a@x>");

        Assert.Equal(
            [("feat", "add refunds", true, "refunds need the new ledger table"), ("fix", "round totals", false, null)],
            entries.Select(e => (e.Type!, e.Description, e.Breaking, e.BreakingNote)));
    }

    [Fact]
    public void A_git_merge_squash_message_gives_each_squashed_commit_with_its_footers()
    {
        var message = "Squashed commit of the following:\n\ncommit 1111111111111111111111111111111111111111\nAuthor: Ann <a@x>\nDate:   Mon Jan 6 10:00:00 2025 +0000\n\n"
            + "    fix: round totals\n\ncommit 2222222222222222222222222222222222222222\nAuthor: Ann <a@x>\nDate:   Mon Jan 6 09:00:00 2025 +0000\n\n"
            + "    feat: add refunds\n    \n    BREAKING CHANGE: refunds need the new ledger table\n    \n    Signed-off-by: Ann <a@x>\n";

        Assert.Equal(
            [("fix", "round totals", false), ("feat", "add refunds", true)],
            Parse(message).Select(e => (e.Type!, e.Description, e.Breaking)));
    }

    [Fact]
    public void A_breaking_footer_on_a_git_revert_marks_the_revert()
    {
        var entry = Assert.Single(Parse("Revert \"feat(api): add search\"\n\nThis reverts commit 0123456789abcdef.\n\nBREAKING CHANGE: search is gone again"));

        Assert.Equal((ChangeKind.Revert, true, "search is gone again"), (entry.Kind, entry.Breaking, entry.BreakingNote));
    }

    [Theory]
    [InlineData("feat: x\n\nbreaking change: lower case is not the token")]
    [InlineData("feat: x\n\nBREAKING CHANGES: a different word")]
    [InlineData("feat: x\n\nThe BREAKING CHANGE: text inside a line is prose")]
    public void Only_the_uppercase_token_at_the_start_of_a_footer_breaks(string message) =>
        Assert.False(Assert.Single(Parse(message)).Breaking);

    private static IReadOnlyList<ChangeEntry> Parse(string message) =>
        ConventionalCommitParser.Parse(new CommitRecord("0123456789abcdef0123456789abcdef01234567", 1, DateTimeOffset.UnixEpoch, message));
}
