using System.Globalization;
using System.Text.Json;
using Cake.Release.Tests.Infrastructure;
using Cake.Release.Tests.Promotion;
using Cake.Release.Tests.Yaml;

namespace Cake.Release.Tests.Metrics;

/// <summary>
/// The Metrics target after a real release flow through the pipeline process (the shop monorepo, the real registry):
/// DeployDev, blue 1.0.0 through staging to production, a fix deployed and promoted as 1.0.1, then rolled back. The
/// JSON's figures are checked against what the GitOps branches and main record.
/// </summary>
public sealed class MetricsPipelineTests : IDisposable
{
    private readonly PromotionWorld _world = new();
    private readonly TempFolder _temp = new();

    public void Dispose()
    {
        _temp.Dispose();
        _world.Dispose();
    }

    private ProcessResult Run(params string[] args)
    {
        var run = _world.Run(args);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run;
    }

    private static DateTimeOffset AuthorDate(string clone, string commit) =>
        DateTimeOffset.Parse(GitRemote.Git(clone, "show", "-s", "--format=%aI", commit).Trim(), CultureInfo.InvariantCulture);

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    [Fact]
    public void After_a_promotion_and_a_rollback_production_shows_one_failure_of_two_restored_as_the_manifests_say()
    {
        var initial = GitRemote.Git(_world.Clone, "rev-parse", "HEAD").Trim();
        Run("--target=DeployDev", "--by=ci-bot");
        Run("--target=PromoteStaging", "--service=blue", "--version=1.0.0");
        Run("--target=PromoteProduction", "--service=blue", "--approver=bob", "--approver=carol");
        // Dated a day ahead (a skewed clock): were the repository's first commit in 1.0.1's range, the earliest date
        // would be that commit's, not the fix's; and the lead time of a commit dated after its deployment is zero.
        File.WriteAllText(Path.Combine(_world.Clone, "projects/blue/dist/fix.txt"), "euros\n");
        GitRemote.Git(_world.Clone, "add", "projects/blue/dist/fix.txt");
        GitRemote.Git(_world.Clone, "commit", "--quiet", $"--date={DateTimeOffset.UtcNow.AddDays(1):yyyy-MM-ddTHH:mm:ss}Z", "-m", "fix(blue): prices in euros");
        GitRemote.Git(_world.Clone, "push", "--quiet", "origin", "HEAD:refs/heads/main");
        var fix = GitRemote.Git(_world.Clone, "rev-parse", "HEAD").Trim();
        Run("--target=DeployDev", "--by=ci-bot");
        Run("--target=PromoteStaging", "--service=blue", "--version=1.0.1");
        Run("--target=PromoteProduction", "--service=blue", "--approver=bob", "--approver=carol");
        var failed = _world.Manifest("production")!.Entry("blue")!;
        Run("--target=Rollback", "--env=production", "--service=blue", "--by=oncall");
        var restored = _world.Manifest("production")!.Entry("blue")!;
        var file = Path.Combine(_temp.Path, "metrics.json");

        var metrics = Run("--target=Metrics", "--format=json", $"--output={file}");

        Assert.Contains($"Wrote the delivery metrics", metrics.Output);
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        var root = json.RootElement;
        Assert.Equal("production", root.GetProperty("production").GetString());
        Assert.Equal(["dev", "staging", "production"], root.GetProperty("environments").EnumerateArray().Select(e => e.GetString()));
        JsonElement Figures(string service, string environment) => root.GetProperty("metrics").EnumerateArray()
            .Single(m => m.GetProperty("service").GetString() == service && m.GetProperty("environment").GetString() == environment);

        // Production: 1.0.0 and 1.0.1 deployed, 1.0.1 rolled back: 1 failure of 2. 1.0.1 is a patch, but built from
        // main, so it is a promotion, not a hotfix.
        var production = Figures("blue", "production");
        Assert.Equal((2, 1, 0.5, 1, 0), (
            production.GetProperty("deployments").GetInt32(),
            production.GetProperty("failures").GetInt32(),
            production.GetProperty("changeFailureRate").GetDouble(),
            production.GetProperty("rollbacks").GetInt32(),
            production.GetProperty("hotfixes").GetInt32()));
        // Restored from the failed entry's deployed time to the rollback's, both as the manifest records them.
        Assert.Equal((long)(restored.Deployed - failed.Deployed).TotalSeconds, production.GetProperty("timeToRestoreSeconds").GetProperty("median").GetInt64());
        Assert.Equal(1, production.GetProperty("timeToRestoreSeconds").GetProperty("count").GetInt32());

        // Staging ran both releases, no rollback: 2 of 2 fine. Dev: the four services once, blue again for its fix.
        Assert.Equal((2, 0), (Figures("blue", "staging").GetProperty("deployments").GetInt32(), Figures("blue", "staging").GetProperty("failures").GetInt32()));
        var dev = root.GetProperty("totals").EnumerateArray().Single(t => t.GetProperty("environment").GetString() == "dev");
        Assert.Equal(5, dev.GetProperty("deployments").GetInt32());

        // Lead time starts at the release's first commit on blue's paths: the repository's first commit for 1.0.0,
        // the fix for 1.0.1 (the only commit on projects/blue or libs/payments after 1.0.0's source).
        var deployments = root.GetProperty("deployments").EnumerateArray()
            .Where(d => d.GetProperty("environment").GetString() == "production").ToList();
        Assert.Equal(["promote 1.0.0", "promote 1.0.1", "rollback 1.0.0"], deployments.Select(d => $"{d.GetProperty("kind").GetString()} {d.GetProperty("version").GetString()}"));
        Assert.Equal(Iso(AuthorDate(_world.Clone, initial)), deployments[0].GetProperty("firstCommit").GetString());
        Assert.Equal(Iso(AuthorDate(_world.Clone, fix)), deployments[1].GetProperty("firstCommit").GetString());
        Assert.Equal(JsonValueKind.Null, deployments[2].GetProperty("firstCommit").ValueKind);
        // Lead times: 1.0.0's from the first commit to its deployment; 1.0.1's zero, its commit being dated later.
        // Of two, p90 is the longer and the median their mean.
        var first = (long)(DateTimeOffset.Parse(deployments[0].GetProperty("deployed").GetString()!, CultureInfo.InvariantCulture)
            - DateTimeOffset.Parse(deployments[0].GetProperty("firstCommit").GetString()!, CultureInfo.InvariantCulture)).TotalSeconds;
        var leadTime = production.GetProperty("leadTimeSeconds");
        Assert.Equal((2, first, (long)Math.Round(first / 2.0)), (leadTime.GetProperty("count").GetInt32(), leadTime.GetProperty("p90").GetInt64(), leadTime.GetProperty("median").GetInt64()));
        Assert.Equal(Iso(failed.Deployed), deployments[1].GetProperty("deployed").GetString());
        Assert.Equal(Iso(restored.Deployed), deployments[2].GetProperty("deployed").GetString());
        Assert.Equal((fix, restored.Commit), (deployments[1].GetProperty("commit").GetString(), deployments[2].GetProperty("commit").GetString()));

        var table = Run("--target=Metrics", "--service=blue");
        Assert.Contains("Delivery metrics (DORA) ", table.Output);
        Assert.Matches(@"production +blue +2 +\S+ +\S+ +\S+ +50% \(1/2\)", table.Output);
        Assert.Contains("production: 2 deployments", table.Output);
    }

    [Fact]
    public void A_hotfix_promoted_to_production_fails_the_release_it_patches_and_counts_as_a_hotfix()
    {
        Run("--target=DeployDev", "--by=ci-bot");
        Run("--target=PromoteStaging", "--service=blue", "--version=1.6.0");
        Run("--target=PromoteProduction", "--service=blue", "--approver=bob", "--approver=carol");
        var released = _world.Manifest("production")!.Entry("blue")!;
        ShopMonorepo.Commit(_world.Clone, "feat(blue): 1.7 work", new Dictionary<string, string?> { ["projects/blue/app.txt"] = "blue 1.7 work\n" });
        // The fix is dated a day back, so its author date tells it apart from the pick's and from the 1.7 work's.
        File.WriteAllText(Path.Combine(_world.Clone, "projects/blue/dist/fix.txt"), "guarded\n");
        GitRemote.Git(_world.Clone, "add", "projects/blue/dist/fix.txt");
        GitRemote.Git(_world.Clone, "commit", "--quiet", $"--date={DateTimeOffset.UtcNow.AddDays(-1):yyyy-MM-ddTHH:mm:ss}Z", "-m", "fix(blue): critical payment bug");
        GitRemote.Git(_world.Clone, "push", "--quiet", "origin", "HEAD:refs/heads/main");
        var fix = GitRemote.Git(_world.Clone, "rev-parse", "HEAD").Trim();
        Run("--target=Hotfix", "--service=blue", $"--commit={fix}");
        Run("--target=PromoteStaging", "--service=blue", "--version=1.6.1");
        Run("--target=PromoteProduction", "--service=blue", "--approver=bob", "--approver=carol");
        var hotfix = _world.Manifest("production")!.Entry("blue")!;
        var file = Path.Combine(_temp.Path, "metrics.json");

        Run("--target=Metrics", "--format=json", $"--output={file}", "--service=blue");

        using var json = JsonDocument.Parse(File.ReadAllText(file));
        var production = json.RootElement.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("environment").GetString() == "production");
        // 1.6.0 and the hotfix 1.6.1 (built from the release branch, off main) are deployments; 1.6.0 failed, fixed by 1.6.1.
        Assert.Equal((2, 1, 1, 0), (
            production.GetProperty("deployments").GetInt32(),
            production.GetProperty("failures").GetInt32(),
            production.GetProperty("hotfixes").GetInt32(),
            production.GetProperty("rollbacks").GetInt32()));
        Assert.Equal((long)(hotfix.Deployed - released.Deployed).TotalSeconds, production.GetProperty("timeToRestoreSeconds").GetProperty("median").GetInt64());
        var kinds = json.RootElement.GetProperty("deployments").EnumerateArray()
            .Where(d => d.GetProperty("environment").GetString() != "dev")
            .Select(d => $"{d.GetProperty("environment").GetString()} {d.GetProperty("kind").GetString()} {d.GetProperty("version").GetString()}");
        Assert.Equal(["staging promote 1.6.0-rc.1", "production promote 1.6.0", "staging hotfix 1.6.1-rc.1", "production hotfix 1.6.1"], kinds);
        // The cherry-pick keeps the fix's author date: the hotfix's lead time starts when the fix was written on main,
        // a day before anything else of this test.
        var first = json.RootElement.GetProperty("deployments").EnumerateArray()
            .Single(d => d.GetProperty("environment").GetString() == "production" && d.GetProperty("kind").GetString() == "hotfix");
        Assert.Equal(Iso(AuthorDate(_world.Clone, fix)), first.GetProperty("firstCommit").GetString());
    }
}
