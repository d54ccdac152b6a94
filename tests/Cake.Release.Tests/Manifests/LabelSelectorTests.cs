using Cake.Release.Manifests;

namespace Cake.Release.Tests.Manifests;

/// <summary>Equality-based label selectors, with the semantics of Kubernetes' labels.Selector (kubectl get -l).</summary>
public sealed class LabelSelectorTests
{
    private static readonly Dictionary<string, string> Blue = new() { ["app"] = "blue", ["tier"] = "web", ["app.kubernetes.io/part-of"] = "shop" };

    [Theory]
    [InlineData("app=blue", true)]
    [InlineData("app==blue", true)]
    [InlineData("app=green", false)]
    [InlineData("app!=green", true)]
    [InlineData("app!=blue", false)]
    [InlineData("missing!=x", true)]
    [InlineData("tier", true)]
    [InlineData("!tier", false)]
    [InlineData("!legacy", true)]
    [InlineData("app=blue, tier=web", true)]
    [InlineData("app=blue,tier=db", false)]
    [InlineData("app.kubernetes.io/part-of=shop", true)]
    public void Matches_as_kubernetes_does(string selector, bool matches)
    {
        Assert.Equal(matches, LabelSelector.Parse(selector).Matches(Blue));
    }

    [Theory]
    [InlineData("app=blue,", "empty requirement")]
    [InlineData("app in (blue,green)", "set-based")]
    [InlineData("app = blue green", "not key=value")]
    [InlineData("=blue", "not key=value")]
    public void A_selector_it_cannot_read_is_refused_saying_why(string selector, string problem)
    {
        Assert.Contains(problem, LabelSelector.TryParse(selector, out _), StringComparison.Ordinal);
    }
}
