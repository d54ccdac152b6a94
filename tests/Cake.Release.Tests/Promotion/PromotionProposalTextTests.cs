using Cake.Release.Changelog;
using Cake.Release.Diffs;
using Cake.Release.Promotion;

namespace Cake.Release.Tests.Promotion;

/// <summary>What a reviewer reads in a promotion's pull request: the release, every check, the changes and the diff, with links on a known host.</summary>
public sealed class PromotionProposalTextTests
{
    private const string Commit = "3f2c1a0b9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a";
    private const string Running = "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567";

    private static readonly PromotionPlan Plan = new("blue", "staging", "production", "1.6.1", "sha256:" + new string('a', 64), Commit,
        [new PromotionCheck("soak", true, "ran 2d in staging (soak 24h)"), new PromotionCheck("approvals", true, "production takes blue by pull request")], ["1.6.1", "prd"], null, [], false);

    [Fact]
    public void The_body_names_the_release_every_check_the_changes_the_diff_and_the_links()
    {
        var body = PromotionProposalText.Body(Plan, "registry.example.com/acme/blue", "1.6.0", Running, ["3f2c1a0 fix(blue): guard the payment"],
            [new FileChange("release-manifests/production.yaml", "version: 1.6.0\n", "version: 1.6.1\n")], CompareLinks.ForRemote("git@github.com:acme/shop.git"), 2,
            "./build.sh --target=PromoteProduction --service=blue");

        Assert.StartsWith("## blue 1.6.1: staging → production\n", body, StringComparison.Ordinal);
        Assert.Contains($"| image | `registry.example.com/acme/blue@sha256:{new string('a', 64)}` |", body, StringComparison.Ordinal);
        Assert.Contains("| version | `1.6.1` (replaces `1.6.0`) |", body, StringComparison.Ordinal);
        Assert.Contains($"[`3f2c1a0`](https://github.com/acme/shop/commit/{Commit})", body, StringComparison.Ordinal);
        Assert.Contains($"(https://github.com/acme/shop/compare/{Running}...{Commit})", body, StringComparison.Ordinal);
        Assert.Contains("- ✅ **soak**: ran 2d in staging (soak 24h)", body, StringComparison.Ordinal);
        Assert.Contains("- 3f2c1a0 fix(blue): guard the payment", body, StringComparison.Ordinal);
        Assert.Contains("-version: 1.6.0\n+version: 1.6.1\n", body, StringComparison.Ordinal);
        Assert.Contains("**2 approving review(s)**", body, StringComparison.Ordinal);
        Assert.Equal("promote(blue): 1.6.1 staging → production", PromotionProposalText.Title(Plan));
    }

    [Fact]
    public void A_huge_diff_is_cut_so_the_body_stays_under_GitHub_s_limit()
    {
        var huge = string.Concat(Enumerable.Range(0, 5000).Select(i => $"line {i} of a rendered object that changed\n"));
        var body = PromotionProposalText.Body(Plan, "acme/blue", null, null, [], [new FileChange("rendered/production/blue/configmap-blue.yaml", null, huge)], null, 0, "./build.sh");

        Assert.True(body.Length < 65_536, $"{body.Length} characters");
        Assert.Contains("# … 1 file(s) in all; the rest is on the branch", body, StringComparison.Ordinal);
        Assert.Contains("(first release in production)", body, StringComparison.Ordinal);
    }
}
