using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Promotion;

/// <summary>
/// A chart release and an image release of one service are told apart by their tags: ReleaseChart tags
/// <c>blue/chart-0.2.0</c>, so neither the next image version nor the default hotfix line starts from the chart's.
/// </summary>
public sealed class ChartReleaseTagTests : IDisposable
{
    private readonly PromotionWorld _world = new(config => config.Replace("    path: projects/blue\n", "    path: projects/blue\n    chart: helm/charts/blue\n"));

    public void Dispose() => _world.Dispose();

    [Fact]
    public void A_chart_release_is_tagged_as_one_and_image_versions_and_hotfix_lines_ignore_it()
    {
        ShopMonorepo.Commit(_world.Clone, "chore(blue): its chart", new Dictionary<string, string?>
        {
            ["helm/charts/blue/Chart.yaml"] = "apiVersion: v2\nname: blue\nversion: 0.1.0\nappVersion: \"0.1.0\"\n",
        });
        var (commit, digest) = _world.SeedDev();

        var chart = _world.Run("--target=ReleaseChart", "--service=blue");
        var staging = _world.Run("--target=PromoteStaging", "--service=blue");
        var hotfix = _world.Run("--target=Hotfix", "--service=blue", $"--commit={commit}", "--dryrun");

        Assert.True(chart.ExitCode == 0, chart.ToString());
        Assert.NotNull(_world.RemoteCommit("refs/tags/blue/chart-0.2.0"));
        Assert.Null(_world.RemoteCommit("refs/tags/blue/0.2.0"));
        Assert.True(staging.ExitCode == 0, staging.ToString());
        Assert.Equal(("0.1.0-rc.1", digest), (_world.Manifest("staging")!.Entry("blue")!.Version, _world.Manifest("staging")!.Entry("blue")!.Digest));
        Assert.Equal(commit, _world.RemoteCommit("refs/tags/blue/0.1.0-rc.1"));
        Assert.True(hotfix.ExitCode == 1, hotfix.ToString());
        Assert.Contains("blue has no stable release tag on the remote", hotfix.All);
    }
}
