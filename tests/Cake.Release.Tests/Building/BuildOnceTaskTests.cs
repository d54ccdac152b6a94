using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Building;

/// <summary>The BuildOnce target as a pipeline process: DetectChanged runs ahead of it only when its answer is read.</summary>
public sealed class BuildOnceTaskTests : IDisposable
{
    private readonly BuildFixture _shop = new("oci:.release/registry", "oci-layer");

    public void Dispose() => _shop.Dispose();

    [Fact]
    public void Without_services_detect_changed_runs_first_and_its_services_are_built()
    {
        var run = ReleasePipeline.RunIn(_shop.Clone, "--target=BuildOnce");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(Path.Combine(_shop.Clone, "artifacts", "changed.json")), run.ToString());
        Assert.Equal(ShopMonorepo.Services, _shop.BuildsJson().GetProperty("builds").EnumerateArray().Select(b => b.GetProperty("service").GetString()));
    }

    [Fact]
    public void With_services_named_detect_changed_is_skipped_so_no_remote_is_needed()
    {
        GitRemote.Git(_shop.Clone, "remote", "remove", "origin");

        var run = ReleasePipeline.RunIn(_shop.Clone, "--target=BuildOnce", "--service=blue");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.False(File.Exists(Path.Combine(_shop.Clone, "artifacts", "changed.json")), run.ToString());
        Assert.Equal(["blue"], _shop.BuildsJson().GetProperty("builds").EnumerateArray().Select(b => b.GetProperty("service").GetString()));
    }
}
