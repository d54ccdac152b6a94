using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Promotion;

/// <summary>
/// DeployDev and Promote&lt;Env&gt; are task graphs a pipeline extends: the ReleasePipeline fixture's extended scenario
/// puts a smoke test between BuildOnce and DeployDev's record, and a scan between CheckPromotion and the retag
/// (tests/Fixtures/ReleasePipeline/InsertedTasks.cs). Each sees what the step before it left in the session.
/// </summary>
public sealed class PipelineGraphTests : IDisposable
{
    private const string ConfigRead = "Read the release configuration";
    private readonly PromotionWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public void A_task_inserted_between_BuildOnce_and_the_dev_record_runs_there_sees_the_builds_and_shows_in_the_tree()
    {
        var head = GitRemote.Git(_world.Clone, "rev-parse", "HEAD").Trim();

        var run = _world.Run("--scenario=extended", "--target=DeployDev", "--by=ci-bot", "--verbosity=diagnostic");

        Assert.True(run.ExitCode == 0, run.ToString());
        var order = TaskOrder(run.Output);
        Assert.Equal(["CheckDeployDev", "DetectChanged", "BuildOnce", "SmokeTestDev", "DeployDev"], order);
        var smoke = Assert.Single(run.Ran, r => r.StartsWith("SmokeTestDev ", StringComparison.Ordinal));
        foreach (var service in ShopMonorepo.Services)
        {
            // The builds it saw are the ones in the registry and, after it, in dev's manifest.
            var digest = _world.TagDigest(service, $"sha-{head[..7]}");
            Assert.Contains($"{service}={digest}", smoke, StringComparison.Ordinal);
            Assert.Equal(digest, _world.Manifest("dev")!.Entry(service)!.Digest);
        }

        Assert.Equal(1, Count(run.Output, ConfigRead));

        var tree = _world.Run("--scenario=extended", "--target=DeployDev", "--tree");
        Assert.True(tree.ExitCode == 0, tree.ToString());
        Assert.Equal(["DeployDev", "├─CheckDeployDev", "├─BuildOnce", "│ └─DetectChanged", "└─SmokeTestDev", "   └─BuildOnce", "      └─DetectChanged"], TreeOf(tree.Output, "DeployDev", 7));
    }

    [Fact]
    public void A_task_inserted_between_the_checks_and_the_retag_runs_there_and_a_refusal_there_changes_nothing()
    {
        var (_, digest) = _world.SeedDev();
        var before = _world.State();

        var refused = _world.Run(new Dictionary<string, string> { ["SCAN_REFUSE"] = "1" }, "--scenario=extended", "--target=PromoteStaging", "--service=blue");

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("The scan refused blue 0.1.0-rc.1", refused.All, StringComparison.Ordinal);
        Assert.Equal(before, _world.State());

        var run = _world.Run("--scenario=extended", "--target=PromoteStaging", "--service=blue", "--verbosity=diagnostic");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["CheckPromotion", "ScanBeforeRetag", "RetagPromotion", "PushReleaseRefs", "WritePromotionManifest", "TagMilestone", "PublishPromotion", "BackportHotfix", "NotifyPromotion", "PromoteStaging"], TaskOrder(run.Output));
        Assert.Contains($"ScanBeforeRetag blue 0.1.0-rc.1 {digest} steps-done=0", run.Ran);
        Assert.Equal(digest, _world.TagDigest("blue", "0.1.0-rc.1"));
        Assert.Equal(1, Count(run.Output, ConfigRead));

        var tree = _world.Run("--scenario=extended", "--target=PromoteStaging", "--tree");
        Assert.True(tree.ExitCode == 0, tree.ToString());
        Assert.Equal(
            ["PromoteStaging", "└─NotifyPromotion", "   └─BackportHotfix", "      └─PublishPromotion", "         └─TagMilestone", "            └─WritePromotionManifest", "               └─PushReleaseRefs", "                  └─RetagPromotion",
             "                     ├─CheckPromotion", "                     └─ScanBeforeRetag", "                        └─CheckPromotion"],
            TreeOf(tree.Output, "PromoteStaging", 11));
    }

    [Fact]
    public void Without_the_pipeline_s_own_tasks_the_graphs_are_cake_release_s_and_a_step_alone_says_what_to_run()
    {
        var tree = _world.Run("--target=PromoteStaging", "--tree");
        Assert.True(tree.ExitCode == 0, tree.ToString());
        Assert.DoesNotContain("ScanBeforeRetag", tree.Output, StringComparison.Ordinal);
        Assert.Contains("            └─CheckPromotion", tree.Output, StringComparison.Ordinal);

        var alone = _world.Run("--target=RetagPromotion", "--exclusive");
        Assert.NotEqual(0, alone.ExitCode);
        Assert.Contains("RetagPromotion has no checked promotion: it runs after CheckPromotion in the same run", alone.All, StringComparison.Ordinal);

        var both = _world.Run("--target=PromoteStaging,PromoteProduction", "--service=blue");
        Assert.NotEqual(0, both.ExitCode);
        Assert.Contains("One promotion per run: --target names PromoteStaging, PromoteProduction", both.All, StringComparison.Ordinal);
    }

    // The tasks in the order the engine started them, from the header it prints before each task.
    private static List<string> TaskOrder(string output)
    {
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        return lines.Select((line, i) => (line, i))
            .Where(x => x.i > 0 && x.i + 1 < lines.Count && lines[x.i - 1].StartsWith("══", StringComparison.Ordinal) && lines[x.i + 1].StartsWith("══", StringComparison.Ordinal))
            .Select(x => x.line.Trim())
            .ToList();
    }

    private static List<string> TreeOf(string output, string target, int count)
    {
        var lines = output.Split('\n').Select(l => l.TrimEnd()).ToList();
        return lines.Skip(lines.IndexOf(target)).Take(count).ToList();
    }

    private static int Count(string text, string what) =>
        text.Split('\n').Count(line => line.Contains(what, StringComparison.Ordinal));
}
