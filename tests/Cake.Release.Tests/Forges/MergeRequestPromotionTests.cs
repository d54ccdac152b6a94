using System.Net;
using Cake.Release.Tests.Infrastructure;
using Cake.Release.Tests.Promotion;

namespace Cake.Release.Tests.Forges;

/// <summary>
/// Promotion by merge request on GitLab (the forge emulator, a test double validating every call against GitLab's
/// OpenAPI description) over the real bare repository: a merge without the approvals production needs is refused
/// when the run tries to complete it, and nothing is tagged, retagged or announced.
/// </summary>
public sealed class MergeRequestPromotionTests : IDisposable
{
    private readonly PromotionWorld _world = new();
    private readonly ForgeEmulator _forge;
    private readonly string _bot;

    public MergeRequestPromotionTests()
    {
        _forge = ForgeEmulator.GitLab(_world.Remote.Bare, "platform/apps/shop");
        _bot = _forge.AddUser("release-bot");
        var file = Path.Combine(_world.Clone, "release.yaml");
        var yaml = File.ReadAllText(file)
            .Replace("environments:\n", $"git:\n  forge: gitlab\n  forgeApi: {_forge.ApiUrl}\n  forgeProject: {_forge.Project}\nenvironments:\n", StringComparison.Ordinal)
            .Replace("    preRelease: rc\n", "    preRelease: rc\n    promotion: pull-request\n", StringComparison.Ordinal)
            .Replace("    approvals: 2\n", "    approvals: 2\n    promotion: pull-request\n    draftPullRequest: true\n", StringComparison.Ordinal);
        ShopMonorepo.Commit(_world.Clone, "chore: promote by merge request", new Dictionary<string, string?> { ["release.yaml"] = yaml });
    }

    public void Dispose()
    {
        _forge.Dispose();
        _world.Dispose();
    }

    private ProcessResult Run(params string[] args) => _world.Run(new Dictionary<string, string> { ["GITLAB_TOKEN"] = _bot }, args);

    [Fact]
    public void A_merge_with_one_real_approval_and_the_author_s_own_is_refused_and_moves_nothing()
    {
        var (_, digest) = _world.SeedDev();
        Assert.Equal(0, Run("--target=PromoteStaging", "--service=blue", "--version=1.6.0").ExitCode);
        var staging = Assert.Single(_forge.PullRequests);
        Assert.Equal(HttpStatusCode.OK, _forge.Merge(staging.Number, _forge.AddUser("carol")));
        Assert.Equal(0, Run("--target=PromoteStaging", "--service=blue", "--version=1.6.0").ExitCode);
        Assert.Equal(digest, _world.TagDigest("blue", "stg"));

        var opened = Run("--target=PromoteProduction", "--service=blue", "--by=alice");
        Assert.True(opened.ExitCode == 0, opened.ToString());
        var draft = _forge.PullRequests.Single(p => p.Base == "gitops/production-releases");
        Assert.True(draft.Draft);
        Assert.StartsWith("Draft: ", draft.Title, StringComparison.Ordinal);
        Assert.Equal(["promotion", "env:production", "service:blue"], draft.Labels);

        // GitLab lets the author approve (a project setting); Cake.Release does not count it.
        Assert.Equal(HttpStatusCode.Created, _forge.Approve(draft.Number, _bot));
        Assert.Equal(HttpStatusCode.Created, _forge.Approve(draft.Number, _forge.AddUser("bob")));
        _forge.MarkReady(draft.Number);
        Assert.Equal(HttpStatusCode.OK, _forge.Merge(draft.Number, _forge.AddUser("erin")));
        var before = _world.State();

        var refused = Run("--target=PromoteProduction", "--service=blue", "--by=alice");

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains($"merge request #{draft.Number} was merged by erin with 1 of the 2 approving review(s) production needs (bob; not counted: release-bot (opened it))", refused.All, StringComparison.Ordinal);
        Assert.Equal(before, _world.State());
        Assert.Null(_world.TagDigest("blue", "prd"));
        Assert.DoesNotContain(_bot, refused.All, StringComparison.Ordinal);
        _forge.AssertConformant();
    }
}
