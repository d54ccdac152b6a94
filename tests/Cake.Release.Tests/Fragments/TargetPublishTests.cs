using Cake.Release.Fragments;
using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Fragments;

/// <summary>
/// The targets besides Promote&lt;Env&gt; that change what runs where publish at their end: DeployDev (here in a second
/// layout: other environment names, a <c>publish.repository</c> override, a <c>kind: frontend</c> service) and Rollback,
/// whose fact takes the <c>current</c> marker from the release it replaced.
/// </summary>
public sealed class TargetPublishTests : IDisposable
{
    private readonly Dynalite _dynalite = Dynalite.Start();
    private readonly List<PublishWorld> _worlds = [];

    public void Dispose()
    {
        _worlds.ForEach(w => w.Dispose());
        _dynalite.Dispose();
    }

    private PublishWorld World(Func<string, string>? edit = null, string section = PublishWorld.PublishSection)
    {
        var world = new PublishWorld(_dynalite, edit, section: section);
        _worlds.Add(world);
        return world;
    }

    [Fact]
    public async Task DeployDev_in_another_layout_publishes_each_service_under_the_configured_repository_and_kind()
    {
        var shop = World(text => text
            .Replace("  dev:\n    branch: gitops/dev-auto-update", "  qa:\n    branch: gitops/qa", StringComparison.Ordinal)
            .Replace("  staging:\n    branch: gitops/staging-releases\n    from: dev", "  uat:\n    branch: gitops/uat\n    from: qa", StringComparison.Ordinal)
            .Replace("from: staging", "from: uat", StringComparison.Ordinal)
            .Replace("  green:\n    path: projects/green\n", "  green:\n    path: projects/green\n    kind: frontend\n", StringComparison.Ordinal),
            PublishWorld.PublishSection + "  repository: gitlab.example.com/platform/shop\n");
        var head = GitRemote.Git(shop.World.Clone, "rev-parse", "HEAD").Trim();

        var deploy = shop.Run("--target=DeployDev", "--by=ci-bot");
        var promote = shop.Run("--target=PromoteUat", "--service=green");

        Assert.True(deploy.ExitCode == 0, deploy.ToString());
        Assert.Contains("Published to the release record (ReleaseFragments): 4 new fact(s).", deploy.Output);
        Assert.True(promote.ExitCode == 0, promote.ToString());
        using var client = _dynalite.Client();
        var facts = await new ReleaseRecordTable(client).FactsAsync();
        Assert.All(facts, f => Assert.Equal("gitlab.example.com/platform/shop", f.Repository));
        Assert.Equal(["blue", "green", "red", "yellow"], facts.Where(f => f.Environment == "qa").Select(f => f.Service).Order(StringComparer.Ordinal));
        Assert.All(facts.Where(f => f.Environment == "qa"), f => Assert.Equal(($"sha-{head[..7]}", FragmentActions.Deploy, "ci-bot"), (f.Version, f.Action, f.By)));
        var uat = Assert.Single(facts, f => f.Environment == "uat");
        Assert.Equal($"frontend#gitlab.example.com/platform/shop/green@uat#{FragmentTime.Format(uat.At)}", uat.SortKey);
        Assert.Equal((shop.World.RemoteCommit("refs/heads/gitops/uat"), "qa"), (uat.Record, uat.From));
        Assert.Equal("frontend#gitlab.example.com/platform/shop/green", Assert.Single(facts, f => f.Environment is null).SortKey);
        Assert.Equal(5, (await new ReleaseRecordTable(client).CurrentAsync()).Count);
    }

    [Fact]
    public async Task A_rollback_publishes_a_fact_of_its_own_which_becomes_current_and_the_release_it_replaced_is_current_no_more()
    {
        var shop = World();
        shop.World.SeedDev();
        Assert.Equal(0, shop.Run("--target=PromoteStaging", "--service=blue", "--version=0.1.0").ExitCode);
        shop.World.SeedDev(imageSize: 40);
        Assert.Equal(0, shop.Run("--target=PromoteStaging", "--service=blue", "--version=0.2.0").ExitCode);

        var rollback = shop.Run("--target=Rollback", "--env=staging", "--service=blue");

        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        using var client = _dynalite.Client();
        var table = new ReleaseRecordTable(client);
        var staging = (await table.FactsAsync()).Where(f => f.Environment == "staging").OrderBy(f => f.At).ToList();
        Assert.Equal(["0.1.0-rc.1 promote", "0.2.0-rc.1 promote", "0.1.0-rc.1 rollback"], staging.Select(f => $"{f.Version} {f.Action}"));
        Assert.Equal(shop.World.RemoteCommit("refs/heads/gitops/staging-releases"), staging[^1].Record);
        Assert.Equal([("staging", $"{shop.Repository}/blue", "0.1.0-rc.1")], (await table.CurrentAsync()).Where(c => c.Environment == "staging"));
        Assert.Equal(2, (await table.FactsAsync()).Count(f => f.Environment == "dev"));
    }
}
