using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Promotion;

/// <summary>PromoteEnv and Promote&lt;Env&gt; end to end: a pipeline process in a checkout, real git remote and registry.</summary>
public sealed class PromoteEnvTests : IDisposable
{
    private readonly PromotionWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public void Dev_to_staging_to_production_moves_one_digest_and_leaves_the_release_branch_and_tags_at_the_source_commit()
    {
        var (commit, digest) = _world.SeedDev();

        var staging = _world.Run("--target=PromoteStaging", "--service=blue", "--version=1.6.0", "--by=alice");
        Assert.True(staging.ExitCode == 0, staging.ToString());
        var production = _world.Run("--target=PromoteProduction", "--service=blue", "--by=alice", "--approver=bob", "--approver=Carol");
        Assert.True(production.ExitCode == 0, production.ToString());

        foreach (var (environment, version) in new[] { ("dev", $"sha-{commit[..7]}"), ("staging", "1.6.0-rc.1"), ("production", "1.6.0") })
        {
            var entry = _world.Manifest(environment)!.Entry("blue")!;
            Assert.Equal((version, digest, commit), (entry.Version, entry.Digest, entry.Commit));
        }

        Assert.Equal("staging", _world.Manifest("production")!.Entry("blue")!.From);
        Assert.Equal(commit, _world.RemoteCommit("refs/tags/blue/1.6.0-rc.1"));
        Assert.Equal(commit, _world.RemoteCommit("refs/tags/blue/1.6.0"));
        Assert.Equal("tag", GitRemote.Git(_world.Remote.Bare, "cat-file", "-t", "refs/tags/blue/1.6.0").Trim());
        Assert.Equal(commit, _world.RemoteCommit("refs/heads/release/blue-1.6"));
        foreach (var tag in new[] { "1.6.0-rc.1", "stg", "1.6.0", "prd" })
        {
            Assert.Equal(digest, _world.TagDigest("blue", tag));
        }

        var message = GitRemote.Git(_world.Remote.Bare, "log", "-1", "--format=%B", "gitops/production-releases");
        Assert.Contains("promote(blue): 1.6.0 staging → production", message);
        Assert.Contains("Approved-by: bob", message);
        Assert.Contains("Approved-by: Carol", message);
        Assert.Contains("Promoted-by: alice", message);
        Assert.Contains("[pass] approvals: approved by bob, Carol (2 of 2 needed; names given with --approver, unverified)", production.Output);
    }

    [Fact]
    public void A_re_run_after_success_changes_nothing_and_says_so()
    {
        _world.SeedDev();
        Assert.Equal(0, _world.Run("--target=PromoteStaging", "--service=blue", "--version=1.6.0").ExitCode);
        var before = _world.State();

        var again = _world.Run("--target=PromoteStaging", "--service=blue", "--version=1.6.0");
        var auto = _world.Run("--target=PromoteStaging", "--service=blue");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("blue 1.6.0-rc.1 is already in staging; nothing to do.", again.Output);
        Assert.True(auto.ExitCode == 0, auto.ToString());
        Assert.Contains("blue 1.6.0-rc.1 is already in staging; nothing to do.", auto.Output);
        Assert.Equal(before, _world.State());
    }

    [Fact]
    public void A_new_build_in_dev_gets_the_next_rc_and_counters_are_never_reused()
    {
        _world.SeedDev(imageSize: 32);
        Assert.Equal(0, _world.Run("--target=PromoteStaging", "--service=blue", "--version=1.6.0").ExitCode);
        var (second, digest) = _world.SeedDev(imageSize: 48);

        var result = _world.Run("--target=PromoteStaging", "--service=blue");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(("1.6.0-rc.2", digest), (_world.Manifest("staging")!.Entry("blue")!.Version, _world.Manifest("staging")!.Entry("blue")!.Digest));
        Assert.Equal(second, _world.RemoteCommit("refs/tags/blue/1.6.0-rc.2"));
        Assert.Equal(second, _world.RemoteCommit("refs/heads/release/blue-1.6"));
    }

    [Fact]
    public void Dev_straight_to_production_is_refused_naming_the_chain_with_every_failed_check_and_nothing_changed()
    {
        _world.SeedDev();
        var before = _world.State();

        var result = _world.Run("--target=PromoteEnv", "--service=blue", "--from=dev", "--to=production", "--by=alice");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("[FAIL] path: production takes versions only from staging (dev → staging → production), not from dev", result.Output);
        Assert.Contains("[FAIL] source: staging does not run blue; promote it dev → staging first", result.Output);
        Assert.Contains("[FAIL] approvals: production needs 2 distinct approver(s) other than alice, got none", result.Output);
        Assert.Contains("Error: blue cannot be promoted to production:", result.All);
        Assert.Single(result.All.Split('\n'), line => line.StartsWith("Error:", StringComparison.Ordinal));
        Assert.Equal(before, _world.State());
    }

    [Theory]
    [InlineData("--approver=bob", "[FAIL] approvals: production needs 2 distinct approver(s) other than alice, got 1 (bob); add 1 more --approver=<name> (anyone but alice)")]
    [InlineData("--approver=bob|--approver=BOB", "[FAIL] approvals: production needs 2 distinct approver(s) other than alice, got 1 (bob)")]
    [InlineData("--approver=bob|--approver=Alice", "[FAIL] approvals: alice promotes and cannot also approve (--approver=Alice)")]
    [InlineData("--approver=bob|--approver=carol|--version=1.7.0", "[FAIL] source: staging runs blue 1.6.0-rc.1, not 1.7.0; promote 1.6.0 (leave out --version)")]
    public void A_refused_production_promotion_prints_the_failed_check_and_changes_nothing(string extra, string expected)
    {
        _world.SeedDev();
        Assert.Equal(0, _world.Run("--target=PromoteStaging", "--service=blue", "--version=1.6.0").ExitCode);
        var before = _world.State();

        var result = _world.Run(["--target=PromoteProduction", "--service=blue", "--by=alice", .. extra.Split('|')]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(expected, result.Output);
        Assert.Contains("[pass] path: staging → production (dev → staging → production)", result.Output);
        Assert.Equal(before, _world.State());
    }

    [Fact]
    public void An_existing_version_tag_on_another_digest_is_refused_as_immutable()
    {
        _world.SeedDev();
        var other = _world.PushImage("blue", "1.6.0-rc.1", imageSize: 99);
        var before = _world.State();

        var result = _world.Run("--target=PromoteStaging", "--service=blue", "--version=1.6.0");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"[FAIL] immutable: the image tag blue:1.6.0-rc.1 already names {other[..19]}…", result.Output);
        Assert.Contains("a release version never moves, so pass another --version", result.Output);
        Assert.Equal(before, _world.State());
    }

    [Fact]
    public void A_dry_run_prints_the_whole_plan_changes_nothing_and_exits_as_the_real_run_would()
    {
        _world.SeedDev();
        var before = _world.State();

        var passing = _world.Run("--target=PromoteStaging", "--service=blue", "--version=1.6.0", "--dryrun");
        var failing = _world.Run("--target=PromoteEnv", "--to=production", "--service=blue", "--dryrun");

        Assert.True(passing.ExitCode == 0, passing.ToString());
        Assert.Contains("[pass] digest:", passing.Output);
        Assert.Contains(":1.6.0-rc.1 would name", passing.Output);
        Assert.Contains("Dry run: would push release/blue-1.6 created at", passing.Output);
        Assert.Contains("Dry run: would push the annotated tag blue/1.6.0-rc.1", passing.Output);
        Assert.Contains("+++ b/release-manifests/staging.yaml", passing.Output);
        Assert.Contains("+    version: \"1.6.0-rc.1\"", passing.Output);
        Assert.True(failing.ExitCode == 1, failing.ToString());
        Assert.Contains("the real run would be refused", failing.Output);
        Assert.Equal(before, _world.State());
    }

    [Fact]
    public void Promote_targets_are_listed_one_per_environment_with_from()
    {
        var result = _world.Run("--description");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("PromoteStaging", result.Output);
        Assert.Contains("PromoteProduction", result.Output);
        Assert.DoesNotContain("PromoteDev", result.Output);
        Assert.Contains("PromoteEnv", result.Output);
    }

    [Fact]
    public void Without_a_release_yaml_there_are_no_promote_targets()
    {
        var empty = Directory.CreateTempSubdirectory("cake-release-empty-").FullName;
        try
        {
            var result = ReleasePipeline.RunIn(empty, "--description");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.DoesNotContain("PromoteStaging", result.Output);
            Assert.Contains("PromoteEnv", result.Output);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public void With_a_release_yaml_that_does_not_load_the_missing_promote_targets_are_explained()
    {
        var broken = Directory.CreateTempSubdirectory("cake-release-broken-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(broken, "release.yaml"), "version: 1\nenvironments:\n  dev:\n    branch: gitops/dev\n    form: staging\nservices: {}\n");

            var result = ReleasePipeline.RunIn(broken, "--target=PromoteStaging");
            var listing = ReleasePipeline.RunIn(broken, "--description");

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("release.yaml:5: environments.dev.form is not a key of an environment; did you mean from?", Assert.Single(result.All.Split('\n'), line => line.StartsWith("Error:", StringComparison.Ordinal)));
            Assert.Contains("No Promote<Env> targets: ", listing.All);
            Assert.Contains("form", listing.All);
        }
        finally
        {
            Directory.Delete(broken, recursive: true);
        }
    }

    [Theory]
    [InlineData("approvals: -1", "release.yaml:12: environments.production.approvals is -1, but a number of approvers cannot be negative")]
    [InlineData("soak: -5h", "release.yaml:12: environments.production.soak \"-5h\" is negative")]
    public void A_config_error_is_reported_as_the_cause_when_a_promote_target_is_asked_for(string gate, string expected)
    {
        var broken = Directory.CreateTempSubdirectory("cake-release-broken-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(broken, "projects", "blue"));
            File.WriteAllText(Path.Combine(broken, "release.yaml"),
                $"version: 1\nenvironments:\n  dev:\n    branch: gitops/dev\n    auto: true\n  staging:\n    branch: gitops/staging\n    from: dev\n  production:\n    branch: gitops/production\n    from: staging\n    {gate}\nservices:\n  blue:\n    path: projects/blue\n");

            var result = ReleasePipeline.RunIn(broken, "--target=PromoteProduction", "--service=blue");

            Assert.True(result.ExitCode == 1, result.ToString());
            var error = Assert.Single(result.All.Split('\n'), line => line.StartsWith("Error:", StringComparison.Ordinal));
            Assert.Contains(expected, error);
            Assert.DoesNotContain("was not found", result.All);
        }
        finally
        {
            Directory.Delete(broken, recursive: true);
        }
    }
}
