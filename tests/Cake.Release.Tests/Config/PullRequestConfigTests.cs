using Cake.Release.Config;

namespace Cake.Release.Tests.Config;

/// <summary><c>promotion: pull-request</c>, <c>draftPullRequest</c> and <c>git.forge*</c>, read from release.yaml on a real folder.</summary>
public sealed class PullRequestConfigTests : IDisposable
{
    private readonly ConfigRepository _repository = new();

    public void Dispose() => _repository.Dispose();

    // Line numbers: 2 git, 3 forge, 4 forgeApi, 5 forgeProject, 7 dev (10: a key added to it), 10 production, 14 promotion, 15 draftPullRequest.
    private static string Config(string production = "    promotion: pull-request\n    draftPullRequest: true\n", string forge = "github", string api = "https://ghe.example.com/api/v3", string project = "platform/shop", string dev = "") => $"""
        version: 1
        git:
          forge: {forge}
          forgeApi: {api}
          forgeProject: {project}
        environments:
          dev:
            branch: gitops/dev
            auto: true
        {dev}  production:
            branch: gitops/production
            from: dev
            approvals: 2
        {production}services:
          blue:
            path: projects/blue
        """;

    [Fact]
    public void Pull_request_promotion_and_drafts_are_per_environment_and_push_stays_the_default()
    {
        var config = _repository.Parse(Config());

        Assert.Equal(PromotionMode.PullRequest, config.Environment("production").Promotion);
        Assert.True(config.Environment("production").DraftPullRequest);
        Assert.Equal(PromotionMode.Push, config.Environment("dev").Promotion);
        Assert.Equal(("github", "https://ghe.example.com/api/v3", "platform/shop"), (config.Git.Forge, config.Git.ForgeApi, config.Git.ForgeProject));
    }

    [Theory]
    [InlineData("    promotion: pr\n", "release.yaml:14: environments.production.promotion \"pr\" is not a way to promote; write push (the default) or pull-request")]
    [InlineData("    draftPullRequest: true\n", "release.yaml:14: environments.production.draftPullRequest applies to promotion by pull request; add promotion: pull-request to production, or remove draftPullRequest")]
    public void A_careless_promotion_key_is_refused_on_its_line(string production, string expected) =>
        Assert.Equal(expected, _repository.Refusal(Config(production)));

    [Fact]
    public void The_auto_environment_cannot_be_promoted_by_pull_request() =>
        Assert.StartsWith("release.yaml:10: environments.dev.promotion: pull-request needs a from: to promote from; dev is written by DeployDev, which pushes",
            _repository.Refusal(Config(dev: "    promotion: pull-request\n")), StringComparison.Ordinal);

    [Theory]
    [InlineData("bitbucket", "https://x.example.com", "a/b", "release.yaml:3: git.forge \"bitbucket\" names no forge Cake.Release opens pull requests on; write github or gitlab")]
    [InlineData("github", "http://ghe.example.com/api/v3", "a/b", "release.yaml:4: git.forgeApi \"http://ghe.example.com/api/v3\" is plain http to another host, which would send the forge token in clear text; use https")]
    [InlineData("gitlab", "https://bot:glpat-secret-token-value@gitlab.example.com/api/v4", "a/b", "release.yaml:4: git.forgeApi")]
    [InlineData("gitlab", "https://gitlab.example.com/api/v4", "/shop", "release.yaml:5: git.forgeProject \"/shop\" is not a repository path on the forge; write owner/name (GitHub) or group/name (GitLab)")]
    public void Hostile_or_careless_forge_settings_are_refused_on_their_line(string forge, string api, string project, string expected)
    {
        var refusal = _repository.Refusal(Config(forge: forge, api: api, project: project));

        Assert.StartsWith(expected, refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("glpat-secret-token-value", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_http_to_the_loopback_interface_is_accepted_for_a_local_forge() =>
        Assert.Equal("http://127.0.0.1:8080", _repository.Parse(Config(api: "http://127.0.0.1:8080")).Git.ForgeApi);
}
