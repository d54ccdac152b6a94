using System.Text.RegularExpressions;
using Cake.Release.Changelog;
using Cake.Release.Charts;
using Cake.Release.Tests.Charts;
using Cake.Release.Tests.Infrastructure;
using Cake.Release.Versioning;

namespace Cake.Release.Tests.Changelog;

/// <summary>Changelogs written from fixture histories, compared with the expected files in Golden/ (commit ids shown as "sha").</summary>
public sealed partial class ChangelogGoldenTests : IDisposable
{
    private const string HandEdited = """
        # Changelog

        Notes for operators of Blue. Written by hand; keep this paragraph.

        ## [Unreleased]

        - Planned: drop the legacy checkout (hand-written, not yet released)

        ## [1.5.0] - 2024-12-01

        ### Added

        - Gift cards (hand-edited wording)

        [unreleased]: https://github.com/acme/shop/compare/blue/1.5.0...HEAD
        [1.5.0]: https://github.com/acme/shop/releases/tag/blue/1.5.0
        """ + "\n";

    private readonly ChartRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void A_new_changelog_from_conventional_commits_squash_bodies_reverts_and_other()
    {
        _repo.Tag("blue/1.5.0");
        History();

        var result = Write(new WriteChangelogSettings { Service = "blue", Date = new DateOnly(2025, 1, 20) });

        Assert.Equal(("2.0.0", ReleaseOutcome.Done), (result.Version, result.Outcome));
        AssertGolden("new-changelog.md", _repo.Read("projects/blue/CHANGELOG.md"));
    }

    [Fact]
    public void A_hand_edited_changelog_gets_the_section_under_unreleased_and_its_links_and_nothing_else_changes()
    {
        _repo.Commit("projects/blue/CHANGELOG.md", HandEdited, "docs: changelog by hand");
        _repo.Tag("blue/1.5.0");
        _repo.Change("feat(api): add search");
        _repo.Change("fix: round totals\n\nBREAKING CHANGE: totals are now integers in cents");
        _repo.Git("remote", "set-url", "origin", "git@github.com:acme/shop.git");

        Write(new WriteChangelogSettings { Service = "blue", Date = new DateOnly(2025, 1, 20) });

        AssertGolden("hand-edited-changelog.md", _repo.Read("projects/blue/CHANGELOG.md"));
    }

    [Fact]
    public void A_second_run_adds_nothing()
    {
        _repo.Tag("blue/1.5.0");
        History();
        Write(new WriteChangelogSettings { Service = "blue" });
        var first = _repo.Read("projects/blue/CHANGELOG.md");

        var again = Write(new WriteChangelogSettings { Service = "blue" });

        Assert.Equal(ReleaseOutcome.Unchanged, again.Outcome);
        Assert.Equal(first, _repo.Read("projects/blue/CHANGELOG.md"));
    }

    [Fact]
    public void A_pre_release_section_lists_only_what_came_after_the_previous_pre_release()
    {
        _repo.Tag("blue/1.5.0");
        _repo.Change("feat: first feature");
        _repo.Tag("blue/1.6.0-rc.1");
        _repo.Change("fix: found in rc.1");

        var result = Write(new WriteChangelogSettings { Service = "blue", PreRelease = "rc", Date = new DateOnly(2025, 1, 20) });

        Assert.Equal("1.6.0-rc.2", result.Version);
        var text = _repo.Read("projects/blue/CHANGELOG.md");
        Assert.Contains("## [1.6.0-rc.2] - 2025-01-20\n\n### Fixed\n\n- found in rc.1 (", text);
        Assert.DoesNotContain("first feature", text);
    }

    [Fact]
    public void A_changelog_with_entries_but_no_release_heading_is_refused_and_left_alone()
    {
        _repo.Tag("blue/1.5.0");
        _repo.Commit("projects/blue/CHANGELOG.md", "# Changes\n\nSome words.\n\n- fixed a thing\n", "feat: something");
        var before = GitRemote.LocalState(_repo.Clone);

        var error = Assert.Throws<ReleaseException>(() => Write(new WriteChangelogSettings { Service = "blue" }));

        Assert.StartsWith("projects/blue/CHANGELOG.md:5: the changelog has entries but no release heading", error.Message);
        Assert.Equal(before, GitRemote.LocalState(_repo.Clone));
    }

    [Fact]
    public void A_changelog_that_is_only_the_header_is_fine()
    {
        _repo.Tag("blue/1.5.0");
        _repo.Commit("projects/blue/CHANGELOG.md", "# Changelog\n\nAll notable changes.\n", "feat: something");

        Write(new WriteChangelogSettings { Service = "blue", Date = new DateOnly(2025, 1, 20) });

        Assert.StartsWith("# Changelog\n\nAll notable changes.\n\n## [1.6.0] - 2025-01-20\n\n### Added\n\n- something (", _repo.Read("projects/blue/CHANGELOG.md"));
    }

    private void History()
    {
        _repo.Change("feat(api): add search");
        _repo.Change("fix: round totals");
        _repo.Change("Payments v2 (#12)\n\n* feat(payments): add refunds\n* fix(payments): retry declined cards\n* perf!: cache the catalogue\n* chore: bump deps");
        _repo.Change("Revert \"feat(api): add search\"\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.");
        _repo.Change("docs: explain checkout");
        _repo.Change("Update the readme");
        _repo.Change("refactor(db)!: new orders schema\n\nBREAKING CHANGE: run the orders migration first");
        _repo.Commit("projects/green/x.txt", "green", "feat: green only");
    }

    private ReleaseStepResult Write(WriteChangelogSettings settings)
    {
        settings.ConfigFile = _repo.ConfigFile;
        return TestCake.Context().WriteChangelog(settings);
    }

    private static void AssertGolden(string name, string actual)
    {
        var normalized = ShortSha().Replace(actual, "(sha)");
        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Changelog", "Golden", name));
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(RepositoryPaths.Root, "tests", "Cake.Release.Tests", "Changelog", "Golden", name), normalized);
        }

        Assert.Equal(expected, normalized);
    }

    [GeneratedRegex(@"\([0-9a-f]{7}\)")]
    private static partial Regex ShortSha();
}
