using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Promotion;

/// <summary>
/// The seed's hotfix flow end to end, through the pipeline process: blue 1.6.0 in production, a fix on main,
/// Hotfix onto release/blue-1.6 (built once), then the command it prints, and production, with dev left alone.
/// </summary>
public sealed class HotfixPromotionTests : IDisposable
{
    private readonly PromotionWorld _world = new();

    public void Dispose() => _world.Dispose();

    private ProcessResult Run(params string[] args)
    {
        var run = _world.Run(args);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run;
    }

    [Fact]
    public void A_hotfix_enters_after_dev_and_reaches_production_with_the_image_it_built()
    {
        var (released, _) = _world.SeedDev();
        Run("--target=PromoteStaging", "--service=blue", "--version=1.6.0");
        Run("--target=PromoteProduction", "--service=blue", "--approver=bob", "--approver=carol");
        var dev = _world.Manifest("dev")!.Entry("blue");
        ShopMonorepo.Commit(_world.Clone, "feat(blue): 1.7 work", new Dictionary<string, string?> { ["projects/blue/app.txt"] = "blue 1.7 work\n" });
        var fix = ShopMonorepo.Commit(_world.Clone, "fix(blue): critical payment bug", new Dictionary<string, string?> { ["projects/blue/dist/fix.txt"] = "guarded\n" });

        var hotfix = Run("--target=Hotfix", "--service=blue", $"--commit={fix}");
        var picked = _world.RemoteCommit("refs/tags/blue/1.6.1")!;
        var built = _world.TagDigest("blue", $"sha-{picked[..7]}");
        Assert.NotNull(built);
        Assert.Equal(released, _world.RemoteCommit($"{picked}^"));
        Assert.Contains("Next: ./build.sh --target=PromoteStaging --service=blue --version=1.6.1", hotfix.Output);

        var staging = Run("--target=PromoteStaging", "--service=blue", "--version=1.6.1");
        Run("--target=PromoteProduction", "--service=blue", "--approver=bob", "--approver=carol");

        Assert.Contains("[pass] source: the hotfix blue/1.6.1", staging.Output);
        foreach (var (environment, version) in new[] { ("staging", "1.6.1-rc.1"), ("production", "1.6.1") })
        {
            var entry = _world.Manifest(environment)!.Entry("blue")!;
            Assert.Equal((version, built, picked), (entry.Version, entry.Digest, entry.Commit));
        }

        Assert.Equal(built, _world.TagDigest("blue", "1.6.1"));
        Assert.Equal(built, _world.TagDigest("blue", "prd"));
        Assert.Equal(dev, _world.Manifest("dev")!.Entry("blue"));
    }

    [Fact]
    public void A_version_released_from_main_is_not_a_hotfix_and_a_new_build_cannot_become_its_rc()
    {
        _world.SeedDev();
        Run("--target=PromoteStaging", "--service=blue", "--version=1.6.0");
        Run("--target=PromoteProduction", "--service=blue", "--approver=bob", "--approver=carol");
        _world.SeedDev(imageSize: 64);
        var state = _world.State();

        var again = _world.Run("--target=PromoteStaging", "--service=blue", "--version=1.6.0");

        Assert.True(again.ExitCode == 1, again.ToString());
        Assert.DoesNotContain("the hotfix", again.Output);
        Assert.True(again.All.Contains("immutable: 1.6.0 is already released (blue/1.6.0 marks commit", StringComparison.Ordinal), again.ToString());
        Assert.Equal(state, _world.State());
    }
}
