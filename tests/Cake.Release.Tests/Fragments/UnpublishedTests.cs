using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Fragments;

/// <summary>Without <c>publish:</c> in release.yaml, nothing is published and the run says so only at verbose level.</summary>
public sealed class UnpublishedTests : IDisposable
{
    private readonly Dynalite _dynalite = Dynalite.Start();
    private readonly PublishWorld _shop;

    public UnpublishedTests() => _shop = Dynalite.Guard(_dynalite, () => new PublishWorld(_dynalite, publish: false));

    public void Dispose()
    {
        _shop.Dispose();
        _dynalite.Dispose();
    }

    [Fact]
    public async Task A_promotion_without_publish_writes_no_table_and_says_so_once_at_verbose_level()
    {
        _shop.World.SeedDev();

        var normal = _shop.Run("--target=PromoteStaging", "--service=blue");
        var verbose = _shop.Run("--target=PromoteStaging", "--service=blue", "--verbosity=verbose");

        Assert.True(normal.ExitCode == 0, normal.ToString());
        Assert.DoesNotContain("release record", normal.Output, StringComparison.Ordinal);
        Assert.Single(verbose.Output.Split('\n'), line => line.Contains("PromoteStaging: release.yaml has no publish:, so the release record is not written.", StringComparison.Ordinal));
        using var client = _dynalite.Client();
        Assert.Empty((await client.ListTablesAsync()).TableNames);

        var backfill = _shop.Run("--target=PublishRelease");
        Assert.Equal(1, backfill.ExitCode);
        Assert.Contains("there is no publish: section, so PublishRelease has no table to write; add publish: { dynamodb: ReleaseFragments, region: eu-central-1 } to release.yaml.", backfill.All);
    }
}
