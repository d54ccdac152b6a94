using Cake.Release.Promotion;

namespace Cake.Release.Tests.Promotion;

/// <summary>Which open proposals a newer one of the same service into the same environment closes.</summary>
public sealed class PromotionPullRequestTests
{
    [Theory]
    [InlineData("promote/production/blue-1.6.0", true)]
    [InlineData("promote/production/blue-1.7.0-rc.2", true)]
    [InlineData("promote/production/blue-green-1.6.0", false)]
    [InlineData("promote/staging/blue-1.6.0", false)]
    [InlineData("rollback/production/blue-1.6.0", false)]
    [InlineData("promote/production/blue-fix-typo", false)]
    [InlineData("feature/production/blue-1.6.0", false)]
    public void Only_another_version_of_the_same_kind_service_and_environment_is_superseded(string head, bool superseded) =>
        Assert.Equal(superseded, PromotionPullRequest.Supersedes("promote", "production", "blue", head));

    [Fact]
    public void The_branch_names_the_environment_the_service_and_the_version() =>
        Assert.Equal("promote/production/blue-1.6.0", PromotionPullRequest.Branch("production", "blue", "1.6.0"));
}
