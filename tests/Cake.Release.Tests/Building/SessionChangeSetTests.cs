using Cake.Release.Building;
using Cake.Release.Changes;
using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Building;

/// <summary>
/// BuildOnce takes the services DetectChanged found earlier in the same run (the session), but only for the
/// repository it found them in: a script releasing two repositories must not build one's changes from the other.
/// </summary>
public sealed class SessionChangeSetTests
{
    [Fact]
    public void A_change_set_of_another_repository_is_not_built()
    {
        using var first = ShopMonorepo.Create(registry: "oci:.release/registry", builder: "oci-layer");
        using var second = ShopMonorepo.Create(registry: "oci:.release/registry", builder: "oci-layer");
        var (one, other) = (first.Clone(), second.Clone());
        var context = TestCake.Context();

        var changes = context.DetectChanged(new DetectChangedSettings { ConfigFile = Path.Combine(one, "release.yaml"), WriteOutputs = false });
        var error = Assert.Throws<ReleaseException>(() => context.BuildOnce(new BuildOnceSettings { ConfigFile = Path.Combine(other, "release.yaml"), DryRun = true }));

        Assert.NotEmpty(changes.Services);
        Assert.Contains("artifacts/changed.json is not there", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(other, "artifacts")), "BuildOnce wrote a report for changes it never detected");
    }
}
