using System.Net;
using Cake.Release.Tests.Infrastructure;
using Cake.Release.Tests.Promotion;

namespace Cake.Release.Tests.Forges;

/// <summary>
/// Promotion by pull request end to end: the real pipeline process, the real registry and git, and the forge
/// emulator (a test double for GitHub and GitLab, validating every call against their OpenAPI descriptions) over the
/// same bare repository, so a merge is a real git merge into the environment's branch.
/// </summary>
public sealed class PullRequestPromotionTests : IDisposable
{
    private const string StagingBranch = "gitops/staging-releases";
    private const string ProductionBranch = "gitops/production-releases";

    private readonly PromotionWorld _world = new();
    private readonly ForgeEmulator _forge;
    private readonly string _bot;

    public PullRequestPromotionTests()
    {
        _forge = ForgeEmulator.GitHub(_world.Remote.Bare);
        _bot = _forge.AddUser("release-bot");
    }

    public void Dispose()
    {
        _forge.Dispose();
        _world.Dispose();
    }

    private ForgeEmulator UseForge(ForgeEmulator forge, string staging = "    promotion: pull-request\n", string production = "    promotion: pull-request\n    draftPullRequest: true\n")
    {
        var file = Path.Combine(_world.Clone, "release.yaml");
        var yaml = File.ReadAllText(file)
            .Replace("environments:\n", $"git:\n  forge: {forge.Kind}\n  forgeApi: {forge.ApiUrl}\n  forgeProject: {forge.Project}\nenvironments:\n", StringComparison.Ordinal)
            .Replace("    preRelease: rc\n", "    preRelease: rc\n" + staging, StringComparison.Ordinal)
            .Replace("    approvals: 2\n", "    approvals: 2\n" + production, StringComparison.Ordinal);
        ShopMonorepo.Commit(_world.Clone, "chore: promote by pull request", new Dictionary<string, string?> { ["release.yaml"] = yaml });
        return forge;
    }

    private ProcessResult Run(string token, params string[] args) =>
        _world.Run(new Dictionary<string, string> { [_forge.Kind == "github" ? "GITHUB_TOKEN" : "GITLAB_TOKEN"] = token }, args);

    [Fact]
    public void Staging_by_pull_request_then_production_as_a_draft_completed_with_two_approvals_on_GitHub()
    {
        UseForge(_forge);
        var (commit, digest) = _world.SeedDev();

        // Staging: the pull request carries the commit a push would make; nothing else moves before the merge.
        var opened = Run(_bot, "--target=PromoteStaging", "--service=blue", "--version=1.6.0", "--by=alice", "--verbosity=diagnostic");
        Assert.True(opened.ExitCode == 0, opened.ToString());
        var staging = Assert.Single(_forge.PullRequests);
        Assert.Equal(("promote/staging/blue-1.6.0-rc.1", StagingBranch, false, "open", "release-bot"), (staging.Head, staging.Base, staging.Draft, staging.State, staging.Author));
        Assert.Equal(["promotion", "env:staging", "service:blue"], staging.Labels);
        Assert.Equal("promote(blue): 1.6.0-rc.1 dev → staging", staging.Title);
        Assert.Contains(digest, staging.Body, StringComparison.Ordinal);
        Assert.Contains(commit[..7], staging.Body, StringComparison.Ordinal);
        Assert.Contains("**approvals**", staging.Body, StringComparison.Ordinal);
        Assert.Contains("+++ b/release-manifests/staging.yaml", staging.Body, StringComparison.Ordinal);
        Assert.Contains("feat(blue): checkout v32", staging.Body, StringComparison.Ordinal);
        // The base branch starts at main, as a first push would start it; it holds no release until the merge.
        Assert.Equal(_world.RemoteCommit("refs/heads/main"), _world.RemoteCommit($"refs/heads/{StagingBranch}"));
        Assert.Null(_world.TagDigest("blue", "1.6.0-rc.1"));
        Assert.Null(_world.RemoteCommit("refs/tags/blue/1.6.0-rc.1"));
        Assert.DoesNotContain(_bot, opened.All, StringComparison.Ordinal);
        Assert.DoesNotContain(_bot, staging.Body, StringComparison.Ordinal);

        // A re-run brings the same pull request up to date and opens nothing.
        var again = Run(_bot, "--target=PromoteStaging", "--service=blue", "--version=1.6.0", "--by=alice");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Single(_forge.PullRequests);
        Assert.Single(_forge.Requests, r => r.StartsWith("POST /repos/acme/shop/pulls ", StringComparison.Ordinal));
        Assert.Equal(staging.HeadSha, Assert.Single(_forge.PullRequests).HeadSha);

        // Staging needs no review: the merge is the gate; the run after it completes the promotion.
        Assert.Equal(HttpStatusCode.OK, _forge.Merge(staging.Number, _forge.AddUser("carol")));
        var completed = Run(_bot, "--target=PromoteStaging", "--service=blue", "--version=1.6.0", "--by=alice");
        Assert.True(completed.ExitCode == 0, completed.ToString());
        Assert.Equal(digest, _world.TagDigest("blue", "1.6.0-rc.1"));
        Assert.Equal(digest, _world.TagDigest("blue", "stg"));
        Assert.Equal(commit, _world.RemoteCommit("refs/tags/blue/1.6.0-rc.1"));
        Assert.Equal("1.6.0-rc.1", _world.Manifest("staging")!.Entry("blue")!.Version);
        var record = GitRemote.Git(_world.Remote.Bare, "log", "-1", "--format=%B", StagingBranch);
        Assert.Contains($"Pull-Request: {staging.Url}", record, StringComparison.Ordinal);
        Assert.Contains("Merged-by: carol", record, StringComparison.Ordinal);

        // Production: a draft needing two approving reviews by people other than its author and the promoter.
        var production = Run(_bot, "--target=PromoteProduction", "--service=blue", "--by=alice");
        Assert.True(production.ExitCode == 0, production.ToString());
        var draft = _forge.PullRequests.Single(p => p.Base == ProductionBranch);
        Assert.True(draft.Draft);
        Assert.Equal("promote/production/blue-1.6.0", draft.Head);
        Assert.Null(_world.TagDigest("blue", "prd"));

        // GitHub itself refuses the author's approval; the promoter's is taken by GitHub and not counted by us.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, _forge.Approve(draft.Number, _bot));
        Assert.Equal(HttpStatusCode.OK, _forge.Approve(draft.Number, _forge.AddUser("alice")));
        Assert.Equal(HttpStatusCode.OK, _forge.Approve(draft.Number, _forge.AddUser("bob")));
        Assert.Equal(HttpStatusCode.OK, _forge.Approve(draft.Number, _forge.AddUser("dave")));
        _forge.MarkReady(draft.Number);
        Assert.Equal(HttpStatusCode.OK, _forge.Merge(draft.Number, _forge.AddUser("erin")));

        var done = Run(_bot, "--target=PromoteProduction", "--service=blue", "--by=alice");
        Assert.True(done.ExitCode == 0, done.ToString());
        Assert.Contains("approved by bob, dave; not counted: alice (the promoter) (2 of 2 needed), merged by erin", done.Output, StringComparison.Ordinal);
        Assert.Equal(digest, _world.TagDigest("blue", "prd"));
        Assert.Equal(digest, _world.TagDigest("blue", "1.6.0"));
        var trailers = GitRemote.Git(_world.Remote.Bare, "log", "-1", "--format=%B", ProductionBranch);
        Assert.Contains("Approved-by: bob\nApproved-by: dave\n", trailers, StringComparison.Ordinal);
        Assert.Contains($"Pull-Request: {draft.Url}", trailers, StringComparison.Ordinal);

        // Once complete, a re-run changes nothing and opens nothing.
        var requests = _forge.Requests.Count(r => r.StartsWith("POST", StringComparison.Ordinal) || r.StartsWith("PATCH", StringComparison.Ordinal));
        var state = _world.State();
        var rerun = Run(_bot, "--target=PromoteProduction", "--service=blue", "--by=alice");
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Equal(state, _world.State());
        Assert.Equal(requests, _forge.Requests.Count(r => r.StartsWith("POST", StringComparison.Ordinal) || r.StartsWith("PATCH", StringComparison.Ordinal)));
        _forge.AssertConformant();
    }

    [Fact]
    public void A_newer_promotion_closes_the_stale_pull_request_with_a_comment()
    {
        UseForge(_forge);
        _world.SeedDev();
        Assert.Equal(0, Run(_bot, "--target=PromoteStaging", "--service=blue", "--version=1.6.0").ExitCode);
        _world.SeedDev(imageSize: 48);

        var newer = Run(_bot, "--target=PromoteStaging", "--service=blue", "--version=1.7.0");

        Assert.True(newer.ExitCode == 0, newer.ToString());
        var (stale, open) = (_forge.PullRequests[0], _forge.PullRequests[1]);
        Assert.Equal(("closed", "open", "promote/staging/blue-1.7.0-rc.1"), (stale.State, open.State, open.Head));
        Assert.Contains($"Superseded by #{open.Number}", Assert.Single(stale.Comments), StringComparison.Ordinal);
        _forge.AssertConformant();
    }

    [Fact]
    public void Approvers_are_the_forge_s_reviews_so_approver_on_the_command_line_is_refused_with_nothing_changed()
    {
        UseForge(_forge);
        _world.SeedDev();
        var before = _world.State();

        var refused = Run(_bot, "--target=PromoteStaging", "--service=blue", "--approver=bob");

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("--approver is not taken for staging, which is promoted by pull request", refused.All, StringComparison.Ordinal);
        Assert.Equal(before, _world.State());
        Assert.Empty(_forge.PullRequests);
    }

    [Fact]
    public void Without_a_token_the_run_says_which_variable_to_set_and_changes_nothing()
    {
        UseForge(_forge);
        _world.SeedDev();
        var before = _world.State();

        var refused = _world.Run("--target=PromoteStaging", "--service=blue");

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("needs a token in GITHUB_TOKEN", refused.All, StringComparison.Ordinal);
        Assert.Equal(before, _world.State());
    }

    [Fact]
    public void A_revert_pull_request_rolls_production_back_and_the_run_after_its_merge_moves_the_image_tag()
    {
        // Two releases reach production by push; then production switches to pull requests.
        var (_, first) = _world.SeedDev();
        Assert.Equal(0, _world.Run("--target=PromoteStaging", "--service=blue", "--version=1.6.0").ExitCode);
        Assert.Equal(0, _world.Run("--target=PromoteProduction", "--service=blue", "--approver=bob", "--approver=carol").ExitCode);
        var (_, second) = _world.SeedDev(imageSize: 48);
        Assert.Equal(0, _world.Run("--target=PromoteStaging", "--service=blue", "--version=1.7.0").ExitCode);
        Assert.Equal(0, _world.Run("--target=PromoteProduction", "--service=blue", "--approver=bob", "--approver=carol").ExitCode);
        Assert.Equal(second, _world.TagDigest("blue", "prd"));
        UseForge(_forge, staging: "", production: "    promotion: pull-request\n");

        var proposed = Run(_bot, "--target=Rollback", "--env=production", "--service=blue");

        Assert.True(proposed.ExitCode == 0, proposed.ToString());
        var revert = Assert.Single(_forge.PullRequests);
        Assert.Equal(("rollback/production/blue-1.6.0", ProductionBranch, false), (revert.Head, revert.Base, revert.Draft));
        Assert.Contains("rollback", revert.Labels);
        Assert.Equal("1.7.0", _world.Manifest("production")!.Entry("blue")!.Version);
        Assert.Equal(second, _world.TagDigest("blue", "prd"));

        Assert.Equal(0, Run(_bot, "--target=Rollback", "--env=production", "--service=blue").ExitCode);
        Assert.Single(_forge.PullRequests);

        Assert.Equal(HttpStatusCode.OK, _forge.Merge(revert.Number, _forge.AddUser("bob")));
        var completed = Run(_bot, "--target=Rollback", "--env=production", "--service=blue");

        Assert.True(completed.ExitCode == 0, completed.ToString());
        Assert.Equal("1.6.0", _world.Manifest("production")!.Entry("blue")!.Version);
        Assert.Equal(first, _world.TagDigest("blue", "prd"));
        _forge.AssertConformant();
    }

    [Fact]
    public void A_merged_hotfix_is_back_ported_once_to_each_earlier_environment_that_lacks_the_fix()
    {
        var (released, _) = _world.SeedDev();
        Assert.Equal(0, _world.Run("--target=PromoteStaging", "--service=blue", "--version=1.6.0").ExitCode);
        Assert.Equal(0, _world.Run("--target=PromoteProduction", "--service=blue", "--approver=bob", "--approver=carol").ExitCode);
        var fix = ShopMonorepo.Commit(_world.Clone, "fix(blue): critical payment bug", new Dictionary<string, string?> { ["projects/blue/dist/fix.txt"] = "guarded\n" });
        Assert.Equal(0, _world.Run("--target=Hotfix", "--service=blue", $"--commit={fix}").ExitCode);
        Assert.Equal(0, _world.Run("--target=PromoteStaging", "--service=blue", "--version=1.6.1").ExitCode);
        UseForge(_forge, staging: "", production: "    promotion: pull-request\n");
        var hotfix = _world.Manifest("staging")!.Entry("blue")!.Digest;

        Assert.Equal(0, Run(_bot, "--target=PromoteProduction", "--service=blue", "--by=alice").ExitCode);
        var production = Assert.Single(_forge.PullRequests);
        Assert.Equal(HttpStatusCode.OK, _forge.Approve(production.Number, _forge.AddUser("bob")));
        Assert.Equal(HttpStatusCode.OK, _forge.Approve(production.Number, _forge.AddUser("carol")));
        Assert.Equal(HttpStatusCode.OK, _forge.Merge(production.Number, _forge.AddUser("erin")));
        var completed = Run(_bot, "--target=PromoteProduction", "--service=blue", "--by=alice");

        // Staging runs the hotfix's image; dev still runs the 1.6.0 build from before the fix: one back-port, to dev.
        Assert.True(completed.ExitCode == 0, completed.ToString());
        Assert.Equal(hotfix, _world.TagDigest("blue", "prd"));
        Assert.True(completed.Output.Contains("staging runs blue 1.6.1-rc.1, which has the fix: no back-port.", StringComparison.Ordinal), completed.Output);
        var backport = _forge.PullRequests.Single(p => p.Head.StartsWith("backport/", StringComparison.Ordinal));
        Assert.Equal(("backport/dev/blue-1.6.1", "gitops/dev-auto-update", "open"), (backport.Head, backport.Base, backport.State));
        Assert.Equal(released, _world.Manifest("dev")!.Entry("blue")!.Commit);

        var again = Run(_bot, "--target=PromoteProduction", "--service=blue", "--by=alice");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(2, _forge.PullRequests.Count);

        Assert.Equal(HttpStatusCode.OK, _forge.Merge(backport.Number, _forge.AddUser("erin")));
        Assert.Equal(("1.6.1", hotfix), (_world.Manifest("dev")!.Entry("blue")!.Version, _world.Manifest("dev")!.Entry("blue")!.Digest));
        _forge.AssertConformant();
    }

    [Fact]
    public void A_dry_run_shows_the_pull_request_it_would_open_and_opens_nothing()
    {
        UseForge(_forge);
        _world.SeedDev();
        var before = _world.State();

        var dry = Run(_bot, "--target=PromoteStaging", "--service=blue", "--version=1.6.0", "--dryrun");

        Assert.True(dry.ExitCode == 0, dry.ToString());
        Assert.Contains("Dry run: would open a pull request promote/staging/blue-1.6.0-rc.1 → gitops/staging-releases", dry.Output, StringComparison.Ordinal);
        Assert.Contains("+++ b/release-manifests/staging.yaml", dry.Output, StringComparison.Ordinal);
        Assert.Equal(before, _world.State());
        Assert.Empty(_forge.PullRequests);
        Assert.DoesNotContain(_forge.Requests, r => !r.StartsWith("GET ", StringComparison.Ordinal));
        _forge.AssertConformant();
    }

    [Fact]
    public void A_secret_in_a_commit_subject_is_masked_in_the_pull_request_and_the_token_is_nowhere()
    {
        UseForge(_forge);
        _world.SeedDev();
        ShopMonorepo.Commit(_world.Clone, "fix(blue): rotate to s3cr3t-deploy-password-42", new Dictionary<string, string?> { ["projects/blue/app.txt"] = "blue rotated\n" });
        _world.SeedDev(imageSize: 40);
        var environment = new Dictionary<string, string> { ["GITHUB_TOKEN"] = _bot, ["DEPLOY_PASSWORD"] = "s3cr3t-deploy-password-42" };

        var opened = _world.Run(environment, "--target=PromoteStaging", "--service=blue", "--version=1.6.0", "--verbosity=diagnostic");

        Assert.True(opened.ExitCode == 0, opened.ToString());
        var body = Assert.Single(_forge.PullRequests).Body;
        Assert.Contains("fix(blue): rotate to ***", body, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-deploy-password-42", body + opened.All, StringComparison.Ordinal);
        Assert.DoesNotContain(_bot, body + opened.All + GitRemote.Git(_world.Remote.Bare, "log", "--all", "--format=%B"), StringComparison.Ordinal);
        _forge.AssertConformant();
    }

    [Theory]
    [InlineData("carol", true)]
    [InlineData("dave", false)]
    public void In_push_mode_on_GitHub_Actions_approvers_are_verified_against_the_run_s_review_log(string second, bool verified)
    {
        UseForge(_forge, staging: "", production: "");
        _world.SeedDev();
        Assert.Equal(0, _world.Run("--target=PromoteStaging", "--service=blue", "--version=1.6.0").ExitCode);
        _forge.ReviewRun(4242, "production", "bob");
        _forge.ReviewRun(4242, "production", "carol");
        _forge.ReviewRun(4242, "staging", "dave");
        _forge.ReviewRun(4242, "production", "dave", "rejected");
        var outputs = Directory.CreateTempSubdirectory("cake-release-gha-").FullName;
        var actions = new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_RUN_ID"] = "4242",
            ["GITHUB_TOKEN"] = _bot,
            ["GITHUB_OUTPUT"] = Path.Combine(outputs, "output"),
            ["GITHUB_STEP_SUMMARY"] = Path.Combine(outputs, "summary"),
        };

        var run = _world.Run(actions, "--target=PromoteProduction", "--service=blue", "--by=alice", "--approver=bob", $"--approver={second}");

        Assert.True(run.ExitCode == 0, run.ToString());
        var trailers = GitRemote.Git(_world.Remote.Bare, "log", "-1", "--format=%B", ProductionBranch);
        Assert.Contains(verified ? $"Approved-by: bob\nApproved-by: {second}\n" : $"Approved-by: bob (unverified)\nApproved-by: {second} (unverified)\n", trailers, StringComparison.Ordinal);
        Assert.Contains(verified ? "the CI system recorded their approval of this deployment" : $"GitHub recorded no approval of this job's deployment to production by {second}", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(_bot, run.All, StringComparison.Ordinal);
        Assert.Contains(_forge.Requests, r => r == "GET /repos/acme/shop/actions/runs/4242/approvals 200");
        _forge.AssertConformant();
        Directory.Delete(outputs, recursive: true);
    }
}
