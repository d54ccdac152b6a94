using Cake.Release.Config;
using Cake.Release.Forges;

namespace Cake.Release.Tests.Forges;

/// <summary>Which forge, API and repository a promotion by pull request talks to, from release.yaml, the CI system and the remote's URL.</summary>
public sealed class ForgeLocationTests
{
    private static readonly Func<string, string?> NoVariables = _ => null;

    [Theory]
    [InlineData("https://github.com/acme/shop.git", "github", "https://api.github.com", "acme/shop")]
    [InlineData("git@github.com:acme/shop.git", "github", "https://api.github.com", "acme/shop")]
    [InlineData("https://x-access-token:ghs_0123456789abcdefghij@github.com/acme/shop", "github", "https://api.github.com", "acme/shop")]
    [InlineData("ssh://git@github.example.com:2222/platform/shop.git", "github", "https://github.example.com/api/v3", "platform/shop")]
    [InlineData("https://gitlab.com/acme/platform/shop.git", "gitlab", "https://gitlab.com/api/v4", "acme/platform/shop")]
    [InlineData("git@gitlab.internal:group/sub%20group/shop.git", "gitlab", "https://gitlab.internal/api/v4", "group/sub group/shop")]
    public void The_remote_URL_names_the_forge_its_API_and_the_repository(string url, string kind, string api, string project) =>
        Assert.Equal(new ForgeLocation(kind, api, project), ForgeLocation.Resolve(new GitConfig(), url, NoVariables));

    [Fact]
    public void Release_yaml_wins_over_the_remote_URL_for_a_self_hosted_forge()
    {
        var git = new GitConfig { Forge = "gitlab", ForgeApi = "https://code.example.com/api/v4/", ForgeProject = "platform/shop" };

        Assert.Equal(new ForgeLocation("gitlab", "https://code.example.com/api/v4", "platform/shop"), ForgeLocation.Resolve(git, "https://code.example.com/mirror/shop.git", NoVariables));
    }

    [Fact]
    public void In_CI_the_runner_s_own_API_URL_and_repository_fill_what_a_local_remote_cannot_say()
    {
        var variables = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_API_URL"] = "https://ghe.example.com/api/v3", ["GITHUB_REPOSITORY"] = "platform/shop" };

        Assert.Equal(new ForgeLocation("github", "https://ghe.example.com/api/v3", "platform/shop"), ForgeLocation.Resolve(new GitConfig(), "/srv/git/shop.git", n => variables.GetValueOrDefault(n)));
    }

    [Fact]
    public void A_remote_on_an_unknown_host_asks_for_git_forge_in_one_line_without_the_token()
    {
        var error = Assert.Throws<ReleaseException>(() => ForgeLocation.Resolve(new GitConfig(), "https://bot:s3cr3t-token-value@code.example.com/acme/shop.git", NoVariables));

        Assert.Equal("Cannot tell which forge holds the remote origin (on code.example.com) to open pull requests on; set git.forge: github or gitlab in release.yaml (with git.forgeApi for a self-hosted one).", error.Message);
    }

    [Fact]
    public void A_local_remote_with_a_forge_but_no_project_asks_for_git_forgeProject()
    {
        var error = Assert.Throws<ReleaseException>(() => ForgeLocation.Resolve(new GitConfig { Forge = "github" }, "/srv/git/shop.git", NoVariables));

        Assert.Equal("Cannot tell the repository's path on github from the remote origin (a local path); set git.forgeProject: owner/name in release.yaml.", error.Message);
    }
}
