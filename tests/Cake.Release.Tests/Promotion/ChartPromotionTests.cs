using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Promotion;

/// <summary>
/// Seed 004's chart promotion end to end: a chart-only service (<c>image: false</c>) released by ReleaseChart,
/// recorded in dev by DeployDev, promoted dev → staging → production with its version pinned in the environment's
/// Argo CD Application (one document of several, with comments and CRLF) by exactly one line per promotion, through
/// the same gates as an image; a kustomize update of the same environment leaves it alone.
/// </summary>
public sealed class ChartPromotionTests : IDisposable
{
    private const string Pin = """
            updates:
              - file: environments/{env}/argocd-applications.yaml
                path: "[metadata.name={service}-{env}].spec.source.targetRevision"
                value: "{service}/chart-{version}"
                for: charts

        """;

    private readonly PromotionWorld _world = new(config => config
        .Replace("    imageTag: dev\n", "    imageTag: dev\n" + Pin, StringComparison.Ordinal)
        .Replace("    preRelease: rc\n", "    preRelease: rc\n" + Pin, StringComparison.Ordinal)
        .Replace("    approvals: 2\n", "    approvals: 2\n" + Pin + "      - kustomize: k8s/overlays/production\n", StringComparison.Ordinal)
        + "  payments:\n    path: charts/payments\n    chart: charts/payments\n    image: false\n");

    public ChartPromotionTests()
    {
        var files = new Dictionary<string, string?>
        {
            ["charts/payments/Chart.yaml"] = "apiVersion: v2\nname: payments\nversion: 0.1.0\n",
            ["charts/payments/templates/configmap.yaml"] = "kind: ConfigMap\n",
            ["k8s/overlays/production/kustomization.yaml"] = Kustomization,
        };
        foreach (var environment in new[] { "dev", "staging", "production" })
        {
            files[$"environments/{environment}/argocd-applications.yaml"] = Applications(environment, "payments/chart-0.1.0");
        }

        ShopMonorepo.Commit(_world.Clone, "chore: payments chart and the Argo CD Applications of each environment", files);
    }

    private const string Kustomization = "resources: []\nimages:\n  - name: payments # not an image: never written\n    newTag: keep\n";

    private string Head => GitRemote.Git(_world.Clone, "rev-parse", "HEAD").Trim();

    public void Dispose() => _world.Dispose();

    // Three Applications per environment, as seed 004 keeps them; the payments one in the middle.
    private static string Applications(string environment, string payments) =>
        $"# Applications of {environment}: pinned by the release pipeline\r\n" +
        "apiVersion: argoproj.io/v1alpha1\r\nkind: Application\r\nmetadata:\r\n" +
        $"  name: blue-{environment}\r\nspec:\r\n  source:\r\n    repoURL: https://github.com/acme/shop.git\r\n    targetRevision: main\r\n" +
        "---\r\n# payments: a chart without an image\r\n" +
        "apiVersion: argoproj.io/v1alpha1\r\nkind: Application\r\nmetadata:\r\n" +
        $"  name: payments-{environment}\r\nspec:\r\n  source:\r\n    repoURL: https://github.com/acme/shop.git\r\n    path: charts/payments\r\n" +
        $"    targetRevision: '{payments}'   # the chart release tag\r\n" +
        "---\r\napiVersion: argoproj.io/v1alpha1\r\nkind: Application\r\nmetadata:\r\n" +
        $"  name: green-{environment}\r\nspec:\r\n  source:\r\n    targetRevision: main\r\n";

    private ProcessResult Run(params string[] args)
    {
        var run = _world.Run(args);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run;
    }

    /// <summary>The files the branch tip's commit changed, and the changed lines of the applications file (without the diff's headers).</summary>
    private (string[] Files, string[] Lines) LastCommit(string branch, string environment)
    {
        var files = GitRemote.Git(_world.Remote.Bare, "diff", "--name-only", $"{branch}~1", branch).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var lines = GitRemote.Git(_world.Remote.Bare, "diff", "--unified=0", $"{branch}~1", branch, "--", $"environments/{environment}/argocd-applications.yaml")
            .Split('\n').Where(l => l.StartsWith('+') || l.StartsWith('-')).Where(l => !l.StartsWith("+++", StringComparison.Ordinal) && !l.StartsWith("---", StringComparison.Ordinal)).ToArray();
        return (files, lines);
    }

    [Fact]
    public void A_chart_version_goes_dev_to_staging_to_production_pinned_by_one_line_each_time()
    {
        var early = _world.Run("--target=DeployDev", "--service=payments", "--by=ci-bot");
        Assert.True(early.ExitCode == 0, early.ToString());
        Assert.Contains("payments: charts/payments/Chart.yaml declares 0.1.0", early.Output);
        Assert.Contains("has no chart release tag payments/chart-0.1.0; not recorded in dev", early.Output);
        Assert.Contains("BuildOnce: payments is a chart without an image (image: false); nothing to build for it.", early.Output);
        Assert.Null(_world.Manifest("dev"));

        ShopMonorepo.Commit(_world.Clone, "feat(payments): a config map", new Dictionary<string, string?> { ["charts/payments/templates/configmap.yaml"] = "kind: ConfigMap\ndata: {}\n" });
        var release = Run("--target=ReleaseChart", "--service=payments", "--verbosity=verbose");
        Assert.Contains("helm is not on PATH: helm lint charts/payments skipped.", release.Output);
        var tagged = _world.RemoteCommit("refs/tags/payments/chart-0.2.0");
        Assert.NotNull(tagged);
        GitRemote.Git(_world.Clone, "pull", "--quiet", "--tags", "origin", "main");
        Assert.Equal(tagged, Head);

        Run("--target=DeployDev", "--service=payments", "--by=ci-bot");
        var staging = Run("--target=PromoteStaging", "--service=payments", "--by=alice");
        var stagingCommit = LastCommit("gitops/staging-releases", "staging");
        var production = Run("--target=PromoteProduction", "--service=payments", "--by=alice", "--approver=bob", "--approver=carol");
        var productionCommit = LastCommit("gitops/production-releases", "production");

        foreach (var (environment, from) in new[] { ("dev", (string?)null), ("staging", "dev"), ("production", "staging") })
        {
            var entry = _world.Manifest(environment)!.Entry("payments")!;
            Assert.Equal(("0.2.0", null, null, tagged, from), (entry.Version, entry.Image, entry.Digest, entry.Commit, entry.From));
            var branch = environment == "dev" ? "gitops/dev-auto-update" : $"gitops/{environment}-releases";
            Assert.Equal(Applications(environment, "payments/chart-0.2.0"), _world.Remote.Show(branch, $"environments/{environment}/argocd-applications.yaml"));
        }

        Assert.Equal(["environments/staging/argocd-applications.yaml", "release-manifests/staging.yaml"], stagingCommit.Files);
        Assert.Equal(["-    targetRevision: 'payments/chart-0.1.0'   # the chart release tag\r", "+    targetRevision: 'payments/chart-0.2.0'   # the chart release tag\r"], stagingCommit.Lines);
        Assert.Equal(["environments/production/argocd-applications.yaml", "release-manifests/production.yaml"], productionCommit.Files);
        Assert.Equal(["-    targetRevision: 'payments/chart-0.1.0'   # the chart release tag\r", "+    targetRevision: 'payments/chart-0.2.0'   # the chart release tag\r"], productionCommit.Lines);
        Assert.Equal(Kustomization, _world.Remote.Show("gitops/production-releases", "k8s/overlays/production/kustomization.yaml"));

        Assert.Contains("[pass] chart: payments/chart-0.2.0 is on the remote", staging.Output);
        Assert.Contains("[pass] immutable: payments/chart-0.2.0 marks", staging.Output);
        Assert.Contains("Promoted payments 0.2.0 staging → production (payments/chart-0.2.0).", production.Output);
        Assert.Contains("promote(payments): 0.2.0 staging → production", GitRemote.Git(_world.Remote.Bare, "log", "-1", "--format=%B", "gitops/production-releases"));
        Assert.Null(_world.RemoteCommit("refs/tags/payments/0.2.0"));
        Assert.Null(_world.RemoteCommit("refs/heads/release/payments-0.2"));
    }

    [Fact]
    public void Gates_still_refuse_with_nothing_changed_and_a_re_run_is_a_no_op()
    {
        ShopMonorepo.Commit(_world.Clone, "feat(payments): a config map", new Dictionary<string, string?> { ["charts/payments/templates/configmap.yaml"] = "kind: ConfigMap\ndata: {}\n" });
        Run("--target=ReleaseChart", "--service=payments");
        GitRemote.Git(_world.Clone, "pull", "--quiet", "--tags", "origin", "main");
        Run("--target=DeployDev", "--service=payments", "--by=ci-bot");

        var skipping = _world.Run("--target=PromoteProduction", "--service=payments", "--by=alice", "--approver=bob", "--approver=carol");
        Run("--target=PromoteStaging", "--service=payments", "--by=alice");
        var before = _world.State();
        var unapproved = _world.Run("--target=PromoteProduction", "--service=payments", "--by=alice", "--approver=bob");
        var bumped = _world.Run("--target=PromoteProduction", "--service=payments", "--by=alice", "--approver=bob", "--approver=carol", "--version=0.3.0");

        Assert.Equal(1, skipping.ExitCode);
        Assert.Contains("[FAIL] source: staging does not run the payments chart; promote it into staging first", skipping.Output);
        Assert.Equal(1, unapproved.ExitCode);
        Assert.Contains("[FAIL] approvals: production needs 2 distinct approver(s) other than alice, got 1 (bob)", unapproved.Output);
        Assert.Equal(1, bumped.ExitCode);
        Assert.Contains("[FAIL] source: staging runs the payments chart 0.2.0, not 0.3.0; a chart version is promoted as it is", bumped.Output);
        Assert.Equal(before, _world.State());
        Assert.Null(_world.Manifest("production"));

        Run("--target=PromoteProduction", "--service=payments", "--by=alice", "--approver=bob", "--approver=carol");
        var tip = _world.RemoteCommit("refs/heads/gitops/production-releases");
        var again = Run("--target=PromoteProduction", "--service=payments", "--by=alice", "--approver=bob", "--approver=carol");

        Assert.Contains("payments 0.2.0 is already in production; nothing to do.", again.Output);
        Assert.Equal(tip, _world.RemoteCommit("refs/heads/gitops/production-releases"));
    }

    [Fact]
    public void Rollback_puts_the_previous_chart_version_and_its_pin_back()
    {
        foreach (var change in new[] { "data: {a: 1}\n", "data: {a: 2}\n" })
        {
            ShopMonorepo.Commit(_world.Clone, "feat(payments): more config", new Dictionary<string, string?> { ["charts/payments/templates/configmap.yaml"] = "kind: ConfigMap\n" + change });
            Run("--target=ReleaseChart", "--service=payments");
            GitRemote.Git(_world.Clone, "pull", "--quiet", "--tags", "origin", "main");
            Run("--target=DeployDev", "--service=payments", "--by=ci-bot");
        }

        Assert.Equal("0.3.0", _world.Manifest("dev")!.Entry("payments")!.Version);
        var rollback = Run("--target=Rollback", "--env=dev", "--service=payments", "--by=alice");

        var entry = _world.Manifest("dev")!.Entry("payments")!;
        Assert.Equal(("0.2.0", _world.RemoteCommit("refs/tags/payments/chart-0.2.0")), (entry.Version, entry.Commit));
        Assert.Equal(Applications("dev", "payments/chart-0.2.0"), _world.Remote.Show("gitops/dev-auto-update", "environments/dev/argocd-applications.yaml"));
        Assert.Contains("rollback(payments): 0.2.0 → dev", GitRemote.Git(_world.Remote.Bare, "log", "-1", "--format=%s", "gitops/dev-auto-update"));
        Assert.DoesNotContain("Error", rollback.Output);
    }
}
