using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Charts;

/// <summary>ReleaseChart and CheckChartVersions as a user runs them: the pipeline process in a clone, origin a real bare repository.</summary>
public sealed class ReleaseChartTaskTests : IDisposable
{
    private readonly ChartRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void A_release_pushes_one_commit_with_chart_and_changelog_to_main_and_an_annotated_tag_on_it()
    {
        Released();

        var result = Run("--target=ReleaseChart", "--service=blue", "--date=2025-01-20");

        Assert.True(result.ExitCode == 0, result.ToString());
        var bare = _repo.Remote.Bare;
        Assert.Equal("chore(release): blue 1.6.0\n\nRelease-Tag: blue/1.6.0\n", GitRemote.Git(bare, "log", "-1", "--format=%B", "main").TrimEnd('\n') + "\n");
        Assert.Equal(GitRemote.Git(bare, "rev-parse", "main"), GitRemote.Git(bare, "rev-parse", "blue/1.6.0^{commit}"));
        Assert.Equal("tag", GitRemote.Git(bare, "cat-file", "-t", "blue/1.6.0").Trim());
        Assert.Equal(
            ["helm/charts/blue/Chart.yaml", "helm/charts/shop/Chart.yaml", "projects/blue/CHANGELOG.md"],
            GitRemote.Git(bare, "diff", "--name-only", "main~1", "main").Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("version: 1.6.0", _repo.Remote.Show("main", "helm/charts/blue/Chart.yaml"));
        Assert.Contains("## [1.6.0] - 2025-01-20", _repo.Remote.Show("main", "projects/blue/CHANGELOG.md"));
        Assert.Contains("Tagged blue/1.6.0", result.Output);
        Assert.Contains("git pull --tags", result.Output);
    }

    [Fact]
    public void A_re_run_finds_nothing_to_release_and_changes_nothing()
    {
        Released();
        Assert.Equal(0, Run("--target=ReleaseChart", "--service=blue").ExitCode);
        var before = GitRemote.Git(_repo.Remote.Bare, "for-each-ref");

        var again = Run("--target=ReleaseChart", "--service=blue");
        var explicitAgain = Run("--target=ReleaseChart", "--service=blue", "--version=1.6.0");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("blue: nothing to release: no commit touched projects/blue, helm/charts/blue since blue/1.6.0", again.Output);
        Assert.Contains("blue 1.6.0 is already released (tag blue/1.6.0 at", explicitAgain.Output);
        Assert.Equal(before, GitRemote.Git(_repo.Remote.Bare, "for-each-ref"));
    }

    [Fact]
    public void A_dry_run_prints_the_diffs_and_refs_and_changes_nothing()
    {
        Released();
        var (remoteBefore, localBefore) = (GitRemote.Git(_repo.Remote.Bare, "for-each-ref"), GitRemote.LocalState(_repo.Clone));

        var result = Run("--target=ReleaseChart", "--service=blue", "--dryrun");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Dry run: would push the release commit \"chore(release): blue 1.6.0\" to origin/main", result.Output);
        Assert.Contains("then the annotated tag blue/1.6.0 on it (git push origin refs/tags/blue/1.6.0)", result.Output);
        Assert.Contains("-version: 1.5.0\n-appVersion: \"1.5.0\"\n+version: 1.6.0\n+appVersion: \"1.6.0\"", result.Output);
        Assert.Contains("+++ b/projects/blue/CHANGELOG.md", result.Output);
        Assert.Equal(remoteBefore, GitRemote.Git(_repo.Remote.Bare, "for-each-ref"));
        Assert.Equal(localBefore, GitRemote.LocalState(_repo.Clone));
    }

    [Fact]
    public void A_release_whose_commit_landed_without_its_tag_is_completed_by_tagging_that_commit()
    {
        Released();
        Assert.Equal(0, Run("--target=ReleaseChart", "--service=blue").ExitCode);
        var releaseCommit = GitRemote.Git(_repo.Remote.Bare, "rev-parse", "blue/1.6.0^{commit}").Trim();
        GitRemote.Git(_repo.Remote.Bare, "tag", "-d", "blue/1.6.0");

        var result = Run("--target=ReleaseChart", "--service=blue");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("already has blue 1.6.0 in its chart and changelog", result.Output);
        Assert.Equal(releaseCommit, GitRemote.Git(_repo.Remote.Bare, "rev-parse", "blue/1.6.0^{commit}").Trim());
        Assert.Equal(releaseCommit, GitRemote.Git(_repo.Remote.Bare, "rev-parse", "main").Trim());
    }

    [Fact]
    public void An_rc_line_then_stable_uses_the_remotes_tags_for_its_counters()
    {
        Released();
        Assert.Equal(0, Run("--target=ReleaseChart", "--service=blue", "--prerelease=rc").ExitCode);
        _repo.Git("pull", "--quiet", "--tags", "origin", "main");
        _repo.Change("fix: found in rc.1");
        _repo.Push();

        Assert.Equal(0, Run("--target=ReleaseChart", "--service=blue", "--prerelease=rc").ExitCode);
        Assert.Equal(0, Run("--target=ReleaseChart", "--service=blue").ExitCode);

        Assert.Equal(["blue/1.5.0", "blue/1.6.0", "blue/1.6.0-rc.1", "blue/1.6.0-rc.2"],
            GitRemote.Git(_repo.Remote.Bare, "tag", "--list").Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("--service=green", "service \"green\" has no chart")]
    [InlineData("--service=blue|--version=1.5.0", "blue 1.5.0 is already released")]
    [InlineData("--service=blue|--version=1.4.0", "blue: --version=1.4.0 is not greater than the current version 1.5.0")]
    [InlineData("--service=blue|--version=1.06.0", "--version: '1.06.0' is not a SemVer 2.0.0 version")]
    [InlineData("--service=blue|--bump=huge", "--bump=huge is not a bump rule")]
    public void Bad_input_is_refused_in_one_line_and_pushes_nothing(string arguments, string message)
    {
        Released();
        var before = GitRemote.Git(_repo.Remote.Bare, "for-each-ref");

        var result = Run(["--target=ReleaseChart", .. arguments.Split('|')]);

        if (message.Contains("already released"))
        {
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains(message, result.Output);
        }
        else
        {
            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Contains(message, Assert.Single(result.All.Split('\n'), line => line.StartsWith("Error:", StringComparison.Ordinal)));
        }

        Assert.Equal(before, GitRemote.Git(_repo.Remote.Bare, "for-each-ref"));
    }

    [Fact]
    public void CheckChartVersions_passes_bumped_and_new_charts_and_fails_an_unbumped_or_pre_release_one_naming_both_versions()
    {
        _repo.Push();
        _repo.Git("fetch", "--quiet", "origin");
        _repo.Git("checkout", "--quiet", "-b", "feature");
        _repo.Commit("helm/charts/blue/Chart.yaml", ChartRepository.BlueChart.Replace("version: 1.5.0", "version: 1.5.1"), "fix: chart");
        _repo.Commit("helm/charts/new/Chart.yaml", "apiVersion: v2\nname: new\nversion: 0.1.0\n", "feat: new chart");

        var pass = Run("--target=CheckChartVersions");
        Assert.True(pass.ExitCode == 0, pass.ToString());
        Assert.Contains("helm/charts/blue/Chart.yaml: 1.5.0 → 1.5.1 ok", pass.Output);
        Assert.Contains("helm/charts/new/Chart.yaml: new → 0.1.0 ok", pass.Output);

        _repo.Commit("helm/charts/shop/values.yaml", "replicas: 2\n", "feat: shop values");
        var unbumped = Run("--target=CheckChartVersions", "--base=origin/main");
        unbumped.AssertRefused("helm/charts/shop/Chart.yaml:3: version 0.3.0 is the same as 0.3.0 on origin/main, but the chart changed; bump it (e.g. to 0.3.1");

        _repo.Commit("helm/charts/shop/Chart.yaml", ChartRepository.Umbrella.Replace("version: 0.3.0", "version: 0.3.0-rc.1"), "chore: rc");
        var preRelease = Run("--target=CheckChartVersions");
        preRelease.AssertRefused("helm/charts/shop/Chart.yaml:3: version 0.3.0-rc.1 is not greater than 0.3.0 on origin/main");
    }

    // blue released as 1.5.0 on origin, then a feature on main.
    private void Released()
    {
        _repo.Tag("blue/1.5.0");
        _repo.Change("feat(api): add search");
        _repo.Push();
    }

    private ProcessResult Run(params string[] arguments) => ReleasePipeline.RunIn(_repo.Clone, arguments);
}
