using Cake.Release.Hosting;

namespace Cake.Release.Tests.Hosting;

public sealed class ClosestNamesTests
{
    private static readonly string[] Tasks = ["DetectChanged", "BuildOnce", "PromoteStaging", "PromoteProduction", "Rollback", "Status"];

    [Theory]
    [InlineData("Rolback", "Rollback")]
    [InlineData("stauts", "Status")]
    [InlineData("buildonce", "BuildOnce")]
    [InlineData("Promote", "PromoteStaging")]
    public void A_typo_suggests_the_intended_name(string typo, string expected) =>
        Assert.Equal(expected, ClosestNames.For(typo, Tasks).First());

    [Fact]
    public void Something_unrelated_suggests_nothing() =>
        Assert.Empty(ClosestNames.For("Kubernetes", Tasks));
}
