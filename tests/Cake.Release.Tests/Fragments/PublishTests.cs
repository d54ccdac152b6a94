using Cake.Release.Fragments;
using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Fragments;

/// <summary>
/// The real pipeline publishing the shop's releases to a real DynamoDB-compatible server (dynalite on 127.0.0.1):
/// what a promotion publishes, a re-run publishing nothing twice, a table that cannot be reached during a run and the
/// next run catching up, throttling and 5xx answers retried, <c>--verify</c> repairing the table from git, and the
/// credentials never printed.
/// </summary>
public sealed class PublishTests : IDisposable
{
    private readonly Dynalite _dynalite = Dynalite.Start();
    private readonly PublishWorld _shop;

    // xunit does not dispose a test class whose constructor threw: the server is stopped here then.
    public PublishTests() => _shop = Dynalite.Guard(_dynalite, () => new PublishWorld(_dynalite));

    public void Dispose()
    {
        _shop.Dispose();
        _dynalite.Dispose();
    }

    [Fact]
    public async Task A_promotion_publishes_the_deployments_and_the_release_git_recorded_once_and_a_rerun_publishes_nothing_new()
    {
        var (commit, digest) = _shop.World.SeedDev();

        var promote = _shop.Run("--target=PromoteStaging", "--service=blue");

        Assert.True(promote.ExitCode == 0, promote.ToString());
        Assert.Contains("Published to the release record (ReleaseFragments): 3 new fact(s).", promote.Output);
        using var client = _dynalite.Client();
        var table = new ReleaseRecordTable(client);
        var facts = await table.FactsAsync();
        var repository = _shop.Repository;
        Assert.Equal(3, facts.Count);
        var dev = Assert.Single(facts, f => f.Environment == "dev");
        Assert.Equal(($"sha-{commit[..7]}", "backend", "blue", FragmentActions.Deploy, digest, commit), (dev.Version, dev.Kind, dev.Service, dev.Action, dev.Digest, dev.Commit));
        var staging = Assert.Single(facts, f => f.Environment == "staging");
        Assert.Equal(("0.1.0-rc.1", FragmentActions.Promote, "dev", digest, commit, repository), (staging.Version, staging.Action, staging.From, staging.Digest, staging.Commit, staging.Repository));
        Assert.Equal(_shop.World.RemoteCommit("refs/heads/gitops/staging-releases"), staging.Record);
        Assert.Equal($"backend#{repository}/blue@staging#{FragmentTime.Format(staging.At)}", staging.SortKey);
        var release = Assert.Single(facts, f => f.Environment is null);
        Assert.Equal(("0.1.0-rc.1", "blue/0.1.0-rc.1", FragmentActions.Release, digest, commit), (release.Version, release.Tag, release.Action, release.Digest, release.Commit));
        Assert.Equal($"backend#{repository}/blue", release.SortKey);
        Assert.Equal([("dev", $"{repository}/blue", $"sha-{commit[..7]}"), ("staging", $"{repository}/blue", "0.1.0-rc.1")], (await table.CurrentAsync()).Order());
        var marks = await table.MarksAsync();
        Assert.Equal([$"{repository}#tags", $"{repository}@dev", $"{repository}@staging"], marks.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(_shop.World.RemoteCommit("refs/heads/gitops/staging-releases"), marks[$"{repository}@staging"]);

        var again = _shop.Run("--target=PromoteStaging", "--service=blue");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("blue 0.1.0-rc.1 is already in staging; nothing to do.", again.Output);
        Assert.Contains("Published to the release record (ReleaseFragments): 0 new fact(s).", again.Output);

        var backfill = _shop.Run("--target=PublishRelease");
        Assert.True(backfill.ExitCode == 0, backfill.ToString());
        Assert.Contains($"Published 0 of {repository}'s 3 fact(s) to ReleaseFragments; 3 were already there.", backfill.Output);
        Assert.Equal(facts.Order(Comparer<ReleaseFragment>.Create((a, b) => string.CompareOrdinal(a.SortKey, b.SortKey))), (await table.FactsAsync()).Order(Comparer<ReleaseFragment>.Create((a, b) => string.CompareOrdinal(a.SortKey, b.SortKey))));
    }

    [Fact]
    public async Task A_table_that_cannot_be_reached_is_one_warning_the_promotion_is_done_and_the_next_target_publishes_what_is_missing()
    {
        _shop.World.SeedDev();
        var closed = $"http://127.0.0.1:{FreePorts.Next()}";

        var offline = _shop.Run(new Dictionary<string, string> { ["AWS_ENDPOINT_URL_DYNAMODB"] = closed }, "--target=PromoteStaging", "--service=blue");

        Assert.True(offline.ExitCode == 0, offline.ToString());
        Assert.Equal("0.1.0-rc.1", _shop.World.Manifest("staging")!.Entry("blue")!.Version);
        var warning = Assert.Single(offline.All.Split('\n'), line => line.Contains("Could not publish to the release record", StringComparison.Ordinal));
        Assert.Contains($"(DynamoDB table ReleaseFragments at {closed}", warning);
        Assert.Contains("Git holds what PromoteStaging did; the next run of a publishing target, or PublishRelease, publishes it.", warning);
        Assert.True(File.Exists(Path.Combine(_shop.World.Clone, ".release", "outbox", "staging.json")));
        using var client = _dynalite.Client();
        Assert.Empty((await client.ListTablesAsync()).TableNames);

        // Another target, later: it publishes the staging promotion the first run left, with its own.
        var production = _shop.Run("--target=PromoteProduction", "--service=blue", "--by=alice", "--approver=bob", "--approver=carol");

        Assert.True(production.ExitCode == 0, production.ToString());
        var facts = await new ReleaseRecordTable(client).FactsAsync();
        var staging = Assert.Single(facts, f => f.Environment == "staging");
        Assert.Equal(("0.1.0-rc.1", _shop.World.RemoteCommit("refs/heads/gitops/staging-releases")), (staging.Version, staging.Record));
        var live = Assert.Single(facts, f => f.Environment == "production");
        Assert.Equal(("0.1.0", "staging", "alice"), (live.Version, live.From, live.By));
        Assert.Equal(["bob (unverified)", "carol (unverified)"], live.ApprovedBy);
        Assert.Equal(["0.1.0", "0.1.0-rc.1"], facts.Where(f => f.Environment is null).Select(f => f.Version).Order(StringComparer.Ordinal));
        Assert.False(File.Exists(Path.Combine(_shop.World.Clone, ".release", "outbox", "staging.json")));
    }

    [Fact]
    public async Task Throttling_and_server_errors_are_retried_with_backoff_and_the_publish_lands()
    {
        _shop.World.SeedDev();
        using var proxy = new ThrottlingProxy(_dynalite.Endpoint, throttled: 3, failed: 2);

        var run = _shop.Run(new Dictionary<string, string> { ["AWS_ENDPOINT_URL_DYNAMODB"] = proxy.Endpoint }, "--target=PublishRelease");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal((3, 2), (proxy.Throttled, proxy.Failed));
        Assert.True(proxy.Forwarded > 0);
        using var client = _dynalite.Client();
        Assert.Equal("dev", Assert.Single(await new ReleaseRecordTable(client).FactsAsync()).Environment);
    }

    [Fact]
    public async Task Verify_puts_back_a_deleted_item_replaces_a_changed_one_deletes_one_git_never_recorded_and_fixes_the_markers()
    {
        _shop.World.SeedDev();
        Assert.Equal(0, _shop.Run("--target=PromoteStaging", "--service=blue").ExitCode);
        using var client = _dynalite.Client();
        var table = new ReleaseRecordTable(client);
        var published = await table.FactsAsync();
        var staging = published.Single(f => f.Environment == "staging");
        var release = published.Single(f => f.Environment is null);
        await table.DeleteAsync(staging);
        await table.PutAsync(release with { By = "mallory" });
        await table.PutAsync(staging with { Version = "9.9.9", At = staging.At.AddHours(1) }, current: true);

        var verify = _shop.Run("--target=PublishRelease", "--verify");

        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Matches(@"missing\s+1\s+1", verify.Output);
        Assert.Matches(@"different\s+1\s+1", verify.Output);
        Assert.Matches(@"extra\s+1\s+1", verify.Output);
        Assert.Contains("The table matches git now.", verify.Output);
        var repaired = await table.FactsAsync();
        Assert.Equal(published.Select(f => f.SortKey + f.Version).Order(StringComparer.Ordinal), repaired.Select(f => f.SortKey + f.Version).Order(StringComparer.Ordinal));
        Assert.All(published, fact => Assert.Contains(fact, repaired));
        Assert.Equal([("dev", $"{_shop.Repository}/blue", published.Single(f => f.Environment == "dev").Version), ("staging", $"{_shop.Repository}/blue", "0.1.0-rc.1")], (await table.CurrentAsync()).Order());

        var again = _shop.Run("--target=PublishRelease", "--verify");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("The table matches git.", again.Output);
    }

    [Fact]
    public async Task A_dry_run_says_what_it_would_publish_and_creates_nothing()
    {
        _shop.World.SeedDev();

        var dry = _shop.Run("--target=PromoteStaging", "--service=blue", "--dryrun");

        Assert.True(dry.ExitCode == 0, dry.ToString());
        Assert.Contains("Dry run: would publish to ReleaseFragments: blue sha-", dry.Output);
        using var client = _dynalite.Client();
        Assert.Empty((await client.ListTablesAsync()).TableNames);
    }

    [Fact]
    public void Credentials_never_reach_the_log_at_diagnostic_verbosity_whether_the_table_answers_or_not()
    {
        _shop.World.SeedDev();
        const string token = "session-token-never-logged-7f3a9c";
        var secrets = new Dictionary<string, string> { ["AWS_SESSION_TOKEN"] = token };

        var offline = _shop.Run(new Dictionary<string, string>(secrets) { ["AWS_ENDPOINT_URL_DYNAMODB"] = $"http://127.0.0.1:{FreePorts.Next()}" }, "--target=PublishRelease", "--verbosity=diagnostic");
        var online = _shop.Run(secrets, "--target=PromoteStaging", "--service=blue", "--verbosity=diagnostic");

        Assert.True(offline.ExitCode != 0, offline.ToString());
        Assert.Contains("PublishRelease could not reach the DynamoDB table ReleaseFragments at http://127.0.0.1:", offline.All);
        Assert.True(online.ExitCode == 0, online.ToString());
        foreach (var run in new[] { offline, online })
        {
            Assert.DoesNotContain(Dynalite.SecretKey, run.All);
            Assert.DoesNotContain(token, run.All);
        }
    }
}
