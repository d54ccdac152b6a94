using Cake.Release.Charts;
using Cake.Release.Tests.Infrastructure;
using Cake.Release.Versioning;

namespace Cake.Release.Tests.Charts;

public sealed class BumpChartTests : IDisposable
{
    private readonly ChartRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void A_service_chart_gets_the_next_version_and_appVersion_and_only_those_lines_change()
    {
        _repo.Tag("blue/1.5.0");
        _repo.Change("feat(api): add search");

        var result = Bump(new BumpChartSettings { Service = "blue" });

        Assert.Equal(("1.6.0", "blue/1.6.0", ReleaseOutcome.Done), (result.Version, result.Tag, result.Outcome));
        var expected = ChartRepository.BlueChart.Replace("version: 1.5.0", "version: 1.6.0").Replace("appVersion: \"1.5.0\"", "appVersion: \"1.6.0\"");
        Assert.Equal(expected, _repo.Read("helm/charts/blue/Chart.yaml"));
    }

    [Fact]
    public void A_parent_charts_pin_follows_and_the_parent_gets_a_patch_bump_while_ranges_stay()
    {
        _repo.Tag("blue/1.5.0");
        _repo.Change("fix: round totals");

        Bump(new BumpChartSettings { Service = "blue" });

        Assert.Equal(ChartRepository.Umbrella.Replace("version: 0.3.0", "version: 0.3.1").Replace("version: 1.5.0   #", "version: 1.5.1   #"),
            _repo.Read("helm/charts/shop/Chart.yaml"));
        Assert.Equal("apiVersion: v2\nname: lib\ntype: library\nversion: 0.1.0\n", _repo.Read("helm/charts/lib/Chart.yaml"));
    }

    [Fact]
    public void A_second_run_finds_the_version_already_there()
    {
        _repo.Tag("blue/1.5.0");
        _repo.Change("feat: x");
        Bump(new BumpChartSettings { Service = "blue" });
        var before = GitRemote.LocalState(_repo.Clone);

        var again = Bump(new BumpChartSettings { Service = "blue" });

        Assert.Equal(("1.6.0", ReleaseOutcome.Unchanged), (again.Version, again.Outcome));
        Assert.Equal(before, GitRemote.LocalState(_repo.Clone));
    }

    [Fact]
    public void A_chart_of_its_own_without_tags_bumps_from_its_Chart_yaml_version()
    {
        var result = Bump(new BumpChartSettings { Chart = "helm/charts/lib", Bump = VersionBump.Minor });

        Assert.Equal(("lib", "0.2.0", "lib/0.2.0"), (result.Name, result.Version, result.Tag));
        Assert.Equal("apiVersion: v2\nname: lib\ntype: library\nversion: 0.2.0\n", _repo.Read("helm/charts/lib/Chart.yaml"));
    }

    [Fact]
    public void A_dry_run_changes_nothing()
    {
        _repo.Tag("blue/1.5.0");
        _repo.Change("feat: x");
        var before = GitRemote.LocalState(_repo.Clone);

        var result = Bump(new BumpChartSettings { Service = "blue", DryRun = true });

        Assert.Equal(ReleaseOutcome.Planned, result.Outcome);
        Assert.Contains(result.Changes, c => c.Path == "helm/charts/blue/Chart.yaml" && c.After!.Contains("version: 1.6.0"));
        Assert.Equal(before, GitRemote.LocalState(_repo.Clone));
    }

    [Theory]
    [InlineData("version: 1.5.0", "version: 1.05.0", "helm/charts/blue/Chart.yaml:6: '1.05.0' is not a SemVer 2.0.0 version: a number has a leading zero")]
    [InlineData("version: 1.5.0", "version: v1.5", "helm/charts/blue/Chart.yaml:6: 'v1.5' is not a SemVer 2.0.0 version")]
    public void An_invalid_chart_version_is_refused_with_file_and_line(string from, string to, string message)
    {
        _repo.Commit("helm/charts/blue/Chart.yaml", ChartRepository.BlueChart.Replace(from, to), "chore: break the chart");
        var before = GitRemote.LocalState(_repo.Clone);

        var error = Assert.Throws<ReleaseException>(() => Bump(new BumpChartSettings { Service = "blue" }));

        Assert.StartsWith(message, error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(before, GitRemote.LocalState(_repo.Clone));
    }

    [Theory]
    [InlineData("blue", null, "1.4.0", "blue: --version=1.4.0 is not greater than the current version 1.5.0")]
    [InlineData("green", null, null, "service \"green\" has no chart; add chart: helm/charts/green under services.green")]
    [InlineData("purple", null, null, "there is no service \"purple\"")]
    [InlineData(null, "helm/charts/nope", null, "--chart=helm/charts/nope: there is no helm/charts/nope/Chart.yaml")]
    [InlineData(null, null, null, "--service or --chart is required")]
    public void Bad_input_is_refused_in_one_line_and_changes_nothing(string? service, string? chart, string? version, string message)
    {
        _repo.Tag("blue/1.5.0");
        var before = GitRemote.LocalState(_repo.Clone);

        var error = Assert.Throws<ReleaseException>(() => Bump(new BumpChartSettings { Service = service, Chart = chart, Version = version }));

        Assert.Contains(message, error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(before, GitRemote.LocalState(_repo.Clone));
    }

    private ReleaseStepResult Bump(BumpChartSettings settings)
    {
        settings.ConfigFile = _repo.ConfigFile;
        return TestCake.Context().BumpChart(settings);
    }
}
