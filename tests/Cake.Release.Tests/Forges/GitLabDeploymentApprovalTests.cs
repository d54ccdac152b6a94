using Cake.Release.Tests.Infrastructure;
using Cake.Release.Tests.Promotion;

namespace Cake.Release.Tests.Forges;

/// <summary>
/// Push mode in a GitLab CI job: the <c>--approver</c>s are recorded verified only when GitLab recorded them approving
/// this job's deployment to the protected environment (the forge emulator, a test double validating every call
/// against GitLab's OpenAPI description, stands in for GitLab).
/// </summary>
public sealed class GitLabDeploymentApprovalTests : IDisposable
{
    private readonly PromotionWorld _world = new();
    private readonly ForgeEmulator _forge;
    private readonly string _token;

    public GitLabDeploymentApprovalTests()
    {
        _forge = ForgeEmulator.GitLab(_world.Remote.Bare, "platform/apps/shop");
        _token = _forge.AddUser("release-bot");
        var file = Path.Combine(_world.Clone, "release.yaml");
        var yaml = File.ReadAllText(file).Replace("environments:\n", $"git:\n  forge: gitlab\n  forgeApi: {_forge.ApiUrl}\n  forgeProject: {_forge.Project}\nenvironments:\n", StringComparison.Ordinal);
        ShopMonorepo.Commit(_world.Clone, "chore: the forge", new Dictionary<string, string?> { ["release.yaml"] = yaml });
    }

    public void Dispose()
    {
        _forge.Dispose();
        _world.Dispose();
    }

    [Theory]
    [InlineData("carol", true)]
    [InlineData("mallory", false)]
    public void Approvers_are_verified_against_the_job_s_deployment_approvals(string second, bool verified)
    {
        _world.SeedDev();
        Assert.Equal(0, _world.Run("--target=PromoteStaging", "--service=blue", "--version=1.6.0").ExitCode);
        _forge.DeployJob(555, "production", ("bob", "approved"), ("carol", "approved"));
        _forge.DeployJob(777, "production", ("bob", "approved"), ("carol", "approved"), ("mallory", "rejected"));
        var job = new Dictionary<string, string> { ["GITLAB_CI"] = "true", ["CI_JOB_ID"] = "777", ["GITLAB_TOKEN"] = _token };

        var run = _world.Run(job, "--target=PromoteProduction", "--service=blue", "--by=alice", "--approver=bob", $"--approver={second}");

        Assert.True(run.ExitCode == 0, run.ToString());
        var trailers = GitRemote.Git(_world.Remote.Bare, "log", "-1", "--format=%B", "gitops/production-releases");
        Assert.Contains(verified ? $"Approved-by: bob\nApproved-by: {second}\n" : $"Approved-by: bob (unverified)\nApproved-by: {second} (unverified)\n", trailers, StringComparison.Ordinal);
        if (!verified)
        {
            Assert.Contains($"GitLab recorded no approval of this job's deployment to production by {second}", run.Output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(_token, run.All, StringComparison.Ordinal);
        _forge.AssertConformant();
    }
}
