using Cake.Release.Config;
using Cake.Release.GitOps;
using Cake.Release.Manifests;
using Cake.Release.Promotion;
using Cake.Release.Tasks;
using Cake.Release.Versioning;
using NuGet.Versioning;

namespace Cake.Release.Tests.Promotion;

/// <summary>The promotion policy and version rules as pure functions of a request and facts.</summary>
public sealed class PromotionPolicyTests
{
    private const string Digest = "sha256:3f2c1a0b9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a";
    private const string Commit = "3f2c1a0b9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a";
    private static readonly DateTimeOffset Now = new(2025, 1, 21, 12, 0, 0, TimeSpan.Zero);

    private static readonly EnvironmentConfig Staging = new() { Name = "staging", Branch = "s", From = "dev", PreRelease = "rc" };
    private static readonly EnvironmentConfig Production = new() { Name = "production", Branch = "p", From = "staging", Approvals = 2, Soak = TimeSpan.FromHours(24) };

    private static readonly ReleaseConfig Config = new()
    {
        File = "release.yaml",
        RepositoryRoot = "/repo",
        Environments = [new EnvironmentConfig { Name = "dev", Branch = "d", Auto = true }, Staging, Production],
        Services = [new ServiceConfig { Name = "blue", Path = "projects/blue", Image = "blue" }],
    };

    [Fact]
    public void Every_check_passes_for_a_soaked_approved_new_version()
    {
        var plan = Evaluate(Request(approvers: ["bob", "carol"]), Entry("1.6.0-rc.2", Now.AddHours(-25)));

        Assert.True(plan.Allowed, string.Join("\n", plan.Checks));
        Assert.Equal("1.6.0", plan.Version);
        Assert.Equal(["1.6.0"], plan.RegistryTags);
        Assert.Equal(("release/blue-1.6", "blue/1.6.0"), (plan.Names!.ReleaseBranch, plan.Names.ReleaseTag));
        Assert.Equal(["path", "freeze", "source", "digest", "soak", "approvals", "version", "immutable", "release-branch"], plan.Checks.Select(c => c.Name));
    }

    [Fact]
    public void All_failed_checks_are_reported_not_only_the_first()
    {
        var plan = Evaluate(Request(approvers: ["alice"]), Entry("1.6.0-rc.2", Now.AddHours(-1)), registry: new RegistryFacts(false, null));

        Assert.Equal(["digest", "soak", "approvals"], plan.Failed.Select(c => c.Name));
        Assert.Contains("ran 1h in staging, production needs 1d; promote after 2025-01-22T11:00:00Z", plan.Failed[1].Reason);
    }

    [Theory]
    [InlineData("1.7.0", "production runs blue 1.7.0, above 1.6.0; going back is a rollback: Rollback --env=production --service=blue --version=1.6.0")]
    [InlineData("1.6.0", "production already runs blue 1.6.0 with another digest")]
    public void A_version_not_above_the_target_is_refused_pointing_at_rollback(string running, string reason)
    {
        var target = new ManifestEntry(running, "blue", "sha256:" + new string('b', 64), Commit, Now.AddDays(-3));

        var plan = Evaluate(Request(approvers: ["bob", "carol"]), Entry("1.6.0-rc.2", Now.AddDays(-2)), target);

        Assert.Contains(reason, Assert.Single(plan.Failed).Reason);
    }

    [Fact]
    public void The_same_version_and_digest_in_the_target_is_a_re_run_not_a_refusal()
    {
        var target = new ManifestEntry("1.6.0", "blue", Digest, Commit, Now.AddDays(-1));

        var plan = Evaluate(Request(approvers: ["bob", "carol"]), Entry("1.6.0-rc.2", Now.AddDays(-2)), target);

        Assert.True(plan.Allowed);
        Assert.True(plan.AlreadyDone);
    }

    [Fact]
    public void A_git_tag_or_image_tag_of_the_version_elsewhere_is_refused_as_immutable()
    {
        var tags = new[] { new ReleaseTag("blue/1.6.0", new SemanticVersion(1, 6, 0), new string('c', 40)) };

        var plan = Evaluate(Request(approvers: ["bob", "carol"]), Entry("1.6.0-rc.2", Now.AddDays(-2)), tags: tags, registry: new RegistryFacts(true, "sha256:" + new string('d', 64)));

        var check = Assert.Single(plan.Failed);
        Assert.Equal("immutable", check.Name);
        Assert.Contains("the image tag blue:1.6.0 already names sha256:dddddddddddd…", check.Reason);
        Assert.Contains("the git tag blue/1.6.0 already marks commit ccccccc", check.Reason);
    }

    [Fact]
    public void A_diverged_release_branch_is_refused()
    {
        var plan = Evaluate(Request(approvers: ["bob", "carol"]), Entry("1.6.0-rc.2", Now.AddDays(-2)), branch: ReleaseBranchState.Diverged);

        Assert.Equal("release-branch", Assert.Single(plan.Failed).Name);
    }

    [Theory]
    [InlineData(null, null, "sha-3f2c1a0", "", "0.1.0-rc.1")]
    [InlineData(null, null, "sha-3f2c1a0", "1.6.0-rc.1@other|1.6.0-rc.2@other", "1.6.0-rc.3")]
    [InlineData(null, null, "sha-3f2c1a0", "1.6.0-rc.1@source", "1.6.0-rc.1")]
    [InlineData("1.6.0", null, "sha-3f2c1a0", "1.6.0-rc.4@other", "1.6.0-rc.5")]
    [InlineData("1.6.0-beta.1", null, "sha-3f2c1a0", "", "1.6.0-beta.1")]
    [InlineData(null, VersionBump.Major, "sha-3f2c1a0", "1.5.0@other", "2.0.0-rc.1")]
    public void Staging_versions_are_the_next_rc_of_the_release_and_reuse_a_tag_on_the_same_commit(string? version, VersionBump? bump, string source, string tags, string expected)
    {
        var existing = tags.Split('|', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.Split('@'))
            .Select(t => new ReleaseTag($"blue/{t[0]}", SemanticVersion.Parse(t[0]), t[1] == "source" ? Commit : new string('e', 40)))
            .ToList();

        var choice = PromotionVersion.Choose(new PromotionRequest("blue", "staging", null, version, bump, "alice", []), Staging, Entry(source, Now), existing, ChangeLevel.Minor, changedSinceLatest: true);

        Assert.Equal(expected, choice.Version?.ToNormalizedString());
    }

    [Fact]
    public void Production_releases_the_rc_that_staging_runs_and_refuses_an_unparsable_version()
    {
        var released = PromotionVersion.Choose(Request(), Production, Entry("1.6.0-rc.2", Now), [], ChangeLevel.None, false);
        var bad = PromotionVersion.Choose(Request() with { Version = "v1.6" }, Production, Entry("1.6.0-rc.2", Now), [], ChangeLevel.None, false);

        Assert.Equal("1.6.0", released.Version?.ToNormalizedString());
        Assert.Null(bad.Version);
        Assert.StartsWith("--version=v1.6 is not a SemVer 2.0.0 version", bad.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("staging", "PromoteStaging")]
    [InlineData("production", "PromoteProduction")]
    [InlineData("pre-prod", "PromotePreProd")]
    [InlineData("eu_west.canary", "PromoteEuWestCanary")]
    public void Promote_targets_are_named_in_pascal_case(string environment, string target) =>
        Assert.Equal(target, new EnvironmentConfig { Name = environment, Branch = "gitops/x" }.PromoteTarget);

    [Theory]
    [InlineData("staging", "production", "dev", "staging takes versions only from dev (dev → staging), not from production, which does not come before it; versions move forward only: leave out --from, or pass --from=dev")]
    [InlineData("staging", "staging", "dev", "staging takes versions only from dev (dev → staging), not from itself; leave out --from, or pass --from=dev")]
    [InlineData("production", "dev", "staging", "production takes versions only from staging (dev → staging → production), not from dev; promote dev → staging first, then staging → production")]
    public void A_wrong_from_is_refused_with_a_path_that_exists(string to, string from, string source, string reason)
    {
        var request = new PromotionRequest("blue", to, from, null, null, "alice", ["bob", "carol"]);

        var plan = Evaluate(request, Entry("1.6.0-rc.2", Now.AddDays(-2)));

        Assert.Equal(reason, plan.Checks.Single(c => c.Name == "path").Reason);
        Assert.Equal(source, Config.Environment(to).From);
    }

    private static PromotionRequest Request(string[]? approvers = null) =>
        new("blue", "production", null, null, null, "alice", approvers ?? []);

    private static ManifestEntry Entry(string version, DateTimeOffset deployed) => new(version, "registry.example.com/acme/blue", Digest, Commit, deployed);

    private static PromotionPlan Evaluate(PromotionRequest request, ManifestEntry source, ManifestEntry? target = null, IReadOnlyList<ReleaseTag>? tags = null, RegistryFacts? registry = null, ReleaseBranchState branch = ReleaseBranchState.Absent)
    {
        var existing = tags ?? [];
        return PromotionPolicy.Evaluate(request, new PromotionFacts
        {
            Config = Config,
            Source = source,
            Target = target,
            ReleaseTags = existing,
            Version = PromotionVersion.Choose(request, Production, source, existing, ChangeLevel.None, false),
            Registry = registry ?? new RegistryFacts(true, null),
            ReleaseBranch = branch,
            Now = Now,
        });
    }
}
