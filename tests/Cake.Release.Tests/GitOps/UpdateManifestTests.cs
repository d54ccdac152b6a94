using Cake.Release.GitOps;
using Cake.Release.Manifests;
using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.GitOps;

/// <summary>
/// The manifest write every target shares (<c>WriteManifest</c>: PromoteEnv, Rollback and DeployDev call it after
/// their own checks; UpdateManifest after its registry and gate checks, tested in UpdateManifestGateTests).
/// </summary>
public sealed class UpdateManifestTests : IDisposable
{
    private const string Digest = "sha256:3f2c1a0b9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a";
    private const string OtherDigest = "sha256:0000000000000000000000000000000000000000000000000000000000000001";
    private const string Staging = "gitops/staging-releases";
    private const string Production = "gitops/production-releases";

    private readonly GitRemote _remote = Monorepo.Create();

    public void Dispose() => _remote.Dispose();

    [Fact]
    public void Writes_the_entry_in_one_commit_with_the_audit_trailers()
    {
        var clone = _remote.Clone();
        var source = GitRemote.Git(clone, "rev-parse", "HEAD").Trim();

        var result = Update(clone, "staging", "blue", "1.6.1", s =>
        {
            s.From = "dev";
            s.By = "alice";
            s.Approvers.Add("bob");
            s.Approvers.Add("carol");
        });

        Assert.Equal(BranchWriteOutcome.Committed, result.Write.Outcome);
        var entry = EnvironmentManifest.Parse(_remote.Show(Staging, "release-manifests/staging.yaml"), "staging.yaml").Entry("blue");
        Assert.NotNull(entry);
        Assert.Equal(("1.6.1", "registry.example.com/acme/blue", Digest, source, "alice", "dev"), (entry.Version, entry.Image, entry.Digest, entry.Commit, entry.By, entry.From));
        Assert.True(DateTimeOffset.UtcNow - entry.Deployed < TimeSpan.FromHours(1), $"deployed {entry.Deployed}");

        Assert.Equal("promote(blue): 1.6.1 dev → staging", GitRemote.Git(_remote.Bare, "log", "-1", "--format=%s", Staging).Trim());
        Assert.Equal(
            $"Service: blue\nVersion: 1.6.1\nDigest: {Digest}\nPromoted-by: alice\nApproved-by: bob (unverified)\nApproved-by: carol (unverified)\nSource-Commit: {source}",
            GitRemote.Git(_remote.Bare, "log", "-1", "--format=%(trailers:only,unfold)", Staging).Trim());
        Assert.Equal(["release-manifests/staging.yaml"], ChangedFiles(Staging));
    }

    [Fact]
    public void A_full_source_commit_the_clone_lacks_is_recorded_as_given_so_shallow_clones_can_promote()
    {
        var clone = _remote.Clone();
        const string Elsewhere = "0123456789abcdef0123456789abcdef01234567";

        Update(clone, "staging", "blue", "1.6.1", s => s.Commit = Elsewhere);

        Assert.Equal(Elsewhere, EnvironmentManifest.Parse(_remote.Show(Staging, "release-manifests/staging.yaml"), "staging.yaml").Entry("blue")!.Commit);
    }

    [Fact]
    public void Production_also_writes_its_overlay_and_values_changing_only_the_values()
    {
        var clone = _remote.Clone();

        Update(clone, "production", "blue", "1.6.1", s => s.From = "staging");

        Assert.Equal(["helm/values-production.yaml", "k8s/overlays/production/kustomization.yaml", "release-manifests/production.yaml"], ChangedFiles(Production));
        Assert.Equal(["-    tag: \"1.0.0\"", "+    tag: \"1.6.1\""], DiffLines(Production, "helm/values-production.yaml"));
        Assert.Equal(["+  - name: blue", "+    newTag: 1.6.1", $"+    digest: {Digest}"], DiffLines(Production, "k8s/overlays/production/kustomization.yaml"));

        var rendered = Kustomize(Production, "k8s/overlays/production");
        Assert.Contains($"image: blue:1.6.1@{Digest}", rendered);
        Assert.Contains("image: green:1.0.0", rendered);
    }

    [Fact]
    public void The_same_version_and_digest_again_changes_nothing_and_says_so()
    {
        var clone = _remote.Clone();
        Update(clone, "production", "blue", "1.6.1");
        var tip = GitRemote.Git(_remote.Bare, "rev-parse", Production);

        var again = Update(clone, "production", "blue", "1.6.1");

        Assert.True(again.AlreadyDeployed);
        Assert.Equal(tip, GitRemote.Git(_remote.Bare, "rev-parse", Production));
    }

    [Fact]
    public void A_new_digest_for_the_same_version_is_written()
    {
        var clone = _remote.Clone();
        Update(clone, "staging", "blue", "1.6.1");

        var moved = Update(clone, "staging", "blue", "1.6.1", s => s.Digest = OtherDigest);

        Assert.Equal(BranchWriteOutcome.Committed, moved.Write.Outcome);
        Assert.Contains($"digest: {OtherDigest}", _remote.Show(Staging, "release-manifests/staging.yaml"));
    }

    [Fact]
    public void Twenty_pipelines_writing_twenty_services_of_one_environment_all_land()
    {
        using var remote = Monorepo.Create(extraServices: 20);
        var clones = Enumerable.Range(0, 20).Select(_ => remote.Clone()).ToList();

        var results = clones.AsParallel().WithDegreeOfParallelism(20)
            .Select((clone, i) => Update(clone, "staging", $"svc{i:00}", $"1.{i}.0"))
            .ToList();

        Assert.All(results, r => Assert.Equal(BranchWriteOutcome.Committed, r.Write.Outcome));
        var manifest = remote.Show(Staging, "release-manifests/staging.yaml");
        for (var i = 0; i < 20; i++)
        {
            Assert.Contains($"  svc{i:00}:\n    version: \"1.{i}.0\"", manifest);
        }

        Assert.Equal("20", GitRemote.Git(remote.Bare, "rev-list", "--count", $"main..{Staging}").Trim());
    }

    [Fact]
    public void Two_pipelines_writing_one_service_both_commit_and_the_later_stands()
    {
        var clones = new[] { _remote.Clone(), _remote.Clone() };

        Parallel.For(0, 2, i => Update(clones[i], "staging", "blue", $"1.{i}.0"));

        var subjects = GitRemote.Git(_remote.Bare, "log", "--format=%s", $"main..{Staging}").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, subjects.Length);
        var later = subjects[0].Split(' ')[1];
        Assert.Contains($"version: \"{later}\"", _remote.Show(Staging, "release-manifests/staging.yaml"));
    }

    private ManifestUpdateResult Update(string clone, string environment, string service, string version, Action<UpdateManifestSettings>? configure = null)
    {
        var settings = new UpdateManifestSettings
        {
            Environment = environment,
            Service = service,
            Version = version,
            Digest = Digest,
            ConfigFile = Path.Combine(clone, "release.yaml"),
            Retry = new PushRetry(60, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(500)),
        };
        configure?.Invoke(settings);
        return TestCake.Context().WriteManifest(settings);
    }

    private List<string> ChangedFiles(string branch) =>
        GitRemote.Git(_remote.Bare, "diff", "--name-only", $"main...{branch}").Split('\n', StringSplitOptions.RemoveEmptyEntries).Order().ToList();

    // The added and removed lines of one file between main and the branch.
    private List<string> DiffLines(string branch, string path) =>
        GitRemote.Git(_remote.Bare, "diff", "--unified=0", $"main...{branch}", "--", path).Split('\n')
            .Where(line => line.Length > 0 && line[0] is '+' or '-' && !line.StartsWith("+++", StringComparison.Ordinal) && !line.StartsWith("---", StringComparison.Ordinal))
            .ToList();

    // Renders an overlay as the branch holds it, with the real kustomize in kubectl.
    private string Kustomize(string branch, string overlay)
    {
        var checkout = Path.Combine(_remote.Folder, "render-" + Guid.NewGuid().ToString("N"));
        GitRemote.Git(_remote.Folder, "clone", "--quiet", "--branch", branch, _remote.Bare, checkout);
        var result = ProcessRun.Start("kubectl", ["kustomize", overlay], checkout);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Output;
    }
}
