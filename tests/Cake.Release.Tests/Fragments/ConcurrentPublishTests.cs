using Cake.Release.Fragments;
using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Fragments;

/// <summary>
/// Two repositories publishing into one table at once, as many CI runners would: per repository ten
/// <c>PublishRelease</c> processes, each from its own clone, and a real promotion writing a new fact meanwhile; 22
/// pipeline processes in all, against dynalite. Nothing may be lost and nothing doubled. It runs alone: beside other
/// tests' pipelines, 22 processes on a small machine would push theirs past their time bounds.
/// </summary>
[Collection(ConcurrentPublishCollection.Name)]
public sealed class ConcurrentPublishTests : IDisposable
{
    private const int BackfillsPerRepository = 10;

    // 22 pipelines on a small CI machine share its cores: each gets more time than ProcessRun's default.
    private static readonly TimeSpan PerRun = TimeSpan.FromMinutes(8);
    private readonly Dynalite _dynalite = Dynalite.Start();
    private readonly PublishWorld _shop;
    private readonly PublishWorld _outlet;

    public ConcurrentPublishTests()
    {
        _shop = Dynalite.Guard(_dynalite, () => new PublishWorld(_dynalite, publish: false));
        _outlet = Dynalite.Guard(_dynalite, () => new PublishWorld(_dynalite, publish: false), _shop);
    }

    public void Dispose()
    {
        _shop.Dispose();
        _outlet.Dispose();
        _dynalite.Dispose();
    }

    [Fact]
    public async Task Twenty_two_pipelines_of_two_repositories_publishing_at_once_lose_nothing_and_double_nothing()
    {
        foreach (var world in new[] { _shop, _outlet })
        {
            world.World.SeedDev("blue");
            world.World.SeedDev("green", imageSize: 48);
            Assert.Equal(0, world.World.Run("--target=PromoteStaging", "--service=blue").ExitCode);
            world.StartPublishing();
            GitRemote.Git(world.World.Clone, "pull", "--quiet", "origin", "main");
        }

        // The table exists, as it does after the first publish anywhere: this is about facts, not about creating it.
        using (var creator = _dynalite.Client())
        {
            await FragmentTable.EnsureAsync(creator, "ReleaseFragments");
        }

        var runs = new[] { _shop, _outlet }.SelectMany(world =>
                Enumerable.Range(0, BackfillsPerRepository)
                    .Select(_ => world.World.Remote.Clone())
                    .Select(clone => (Func<ProcessResult>)(() => ReleasePipeline.RunIn(clone, Environment(world), PerRun, "--target=PublishRelease")))
                    .Append(() => ReleasePipeline.RunIn(world.World.Clone, Environment(world), PerRun, "--target=PromoteStaging", "--service=green")))
            .ToList();
        // A thread each, so they all start at once rather than as the thread pool grows.
        var results = await Task.WhenAll(runs.Select(run => Task.Factory.StartNew(run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)));

        Assert.True(results.Length >= 20);
        Assert.All(results, result => Assert.True(result.ExitCode == 0, result.ToString()));
        Assert.DoesNotContain(results, result => result.All.Contains("Could not publish", StringComparison.Ordinal));
        using var client = _dynalite.Client();
        var table = new ReleaseRecordTable(client);
        var facts = await table.FactsAsync();
        foreach (var world in new[] { _shop, _outlet })
        {
            // Per repository: blue and green in dev and in staging, and their two release tags.
            var own = facts.Where(f => f.Repository == world.Repository).ToList();
            Assert.Equal(6, own.Count);
            Assert.Equal(
                ["blue@", "blue@dev", "blue@staging", "green@", "green@dev", "green@staging"],
                own.Select(f => $"{f.Service}@{f.Environment}").Order(StringComparer.Ordinal));
            Assert.Equal(world.World.Manifest("staging")!.Entry("green")!.Version, own.Single(f => f.Service == "green" && f.Environment == "staging").Version);
            var current = (await table.CurrentAsync()).Where(c => c.Component.StartsWith(world.Repository + "/", StringComparison.Ordinal)).ToList();
            Assert.Equal(4, current.Count);
            Assert.Equal(4, current.Select(c => (c.Environment, c.Component)).Distinct().Count());
            var marks = await table.MarksAsync();
            Assert.Equal(world.World.RemoteCommit("refs/heads/gitops/staging-releases"), marks[FragmentSchema.MarkKey(world.Repository, "staging")]);
            Assert.Equal(world.World.RemoteCommit("refs/heads/gitops/dev-auto-update"), marks[FragmentSchema.MarkKey(world.Repository, "dev")]);
        }

        Assert.Equal(12, facts.Count);
        Assert.Equal(facts.Count, facts.Select(f => (f.Repository, f.Service, f.Environment, f.Version)).Distinct().Count());
    }

    private Dictionary<string, string> Environment(PublishWorld world) =>
        new(world.World.Environment.Concat(_dynalite.Environment));
}

/// <summary>The 22-pipeline test, run after the parallel tests and alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConcurrentPublishCollection
{
    public const string Name = "Concurrent publishers";
}
