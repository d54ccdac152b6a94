using Cake.Release.Manifests;
using Cake.Release.Registry;
using Cake.Release.Tests.Infrastructure;
using Cake.Release.Tests.Registry;

namespace Cake.Release.Tests.GitOps;

/// <summary>The UpdateManifest target as a user runs it: a pipeline process in a clone of the monorepo.</summary>
public sealed class UpdateManifestTaskTests : IDisposable
{
    private readonly GitRemote _remote = Monorepo.Create();

    public void Dispose() => _remote.Dispose();

    [Fact]
    public void A_dry_run_prints_each_diff_and_the_ref_and_changes_nothing()
    {
        var (clone, digests) = UngatedClone(("blue", "1.6.1"));
        var (remoteBefore, localBefore) = (GitRemote.Git(_remote.Bare, "for-each-ref"), GitRemote.LocalState(clone));

        var result = Run(clone, "--env=production", "--service=blue", "--version=1.6.1", $"--digest={digests[0]}", "--dryrun");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Dry run: would push to origin/gitops/production-releases (new branch)", result.Output);
        Assert.Contains("--- a/helm/values-production.yaml", result.Output);
        Assert.Contains("-    tag: \"1.0.0\"\n+    tag: \"1.6.1\"", result.Output);
        Assert.Contains("+++ b/release-manifests/production.yaml", result.Output);
        Assert.Contains("+  - name: blue", result.Output);
        Assert.Equal(remoteBefore, GitRemote.Git(_remote.Bare, "for-each-ref"));
        Assert.Equal(localBefore, GitRemote.LocalState(clone));
    }

    [Fact]
    public void A_second_run_says_the_version_is_already_there()
    {
        var (clone, _) = UngatedClone(("blue", "1.6.1"));
        Assert.Equal(0, Run(clone, "--env=staging", "--service=blue", "--version=1.6.1").ExitCode);

        var again = Run(clone, "--env=staging", "--service=blue", "--version=1.6.1");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("blue 1.6.1 is already in staging (origin/gitops/staging-releases); nothing to do.", again.Output);
    }

    [Fact]
    public void The_promoter_is_the_ci_actor_else_the_git_user()
    {
        var (clone, _) = UngatedClone(("blue", "1.6.1"), ("green", "2.0.0"));

        Assert.Equal(0, ReleasePipeline.RunIn(clone, new Dictionary<string, string> { ["GITHUB_ACTOR"] = "octocat" }, "--target=UpdateManifest", "--env=staging", "--service=blue", "--version=1.6.1").ExitCode);
        Assert.Equal(0, Run(clone, "--env=staging", "--service=green", "--version=2.0.0").ExitCode);

        var manifest = EnvironmentManifest.Parse(_remote.Show("gitops/staging-releases", "release-manifests/staging.yaml"), "staging.yaml");
        Assert.Equal("octocat", manifest.Entry("blue")?.By);
        Assert.Equal("Pipeline", manifest.Entry("green")?.By);
    }

    [Theory]
    [InlineData("--env=prod|--service=blue|--version=1.6.1", "there is no environment \"prod\"; did you mean production?")]
    [InlineData("--env=staging|--service=bleu|--version=1.6.1", "there is no service \"bleu\"; did you mean blue?")]
    [InlineData("--service=blue|--version=1.6.1", "--env is required: pass --env=staging (or set RELEASE_ENV).")]
    [InlineData("--env=staging|--service=blue|--version=latest", "'latest' is not a version a manifest can record (--version)")]
    [InlineData("--env=staging|--service=blue|--version=1.6.1|--digest=sha256:abc", "'sha256:abc' is not an image digest (--digest)")]
    [InlineData("--env=dev|--service=blue|--version=1.6.1|--commit=nope", "'nope' is not a commit")]
    public void Bad_input_is_refused_in_one_line_and_pushes_nothing(string arguments, string message)
    {
        var clone = _remote.Clone();
        var before = GitRemote.Git(_remote.Bare, "for-each-ref");

        var result = Run(clone, arguments.Split('|'));

        Assert.True(result.ExitCode == 1, result.ToString());
        var error = Assert.Single(result.All.Split('\n'), line => line.StartsWith("Error:", StringComparison.Ordinal));
        Assert.Contains(message, error);
        Assert.Equal(before, GitRemote.Git(_remote.Bare, "for-each-ref"));
    }

    [Fact]
    public void A_manifest_on_the_branch_that_is_not_yaml_is_named_with_its_branch_and_nothing_is_pushed()
    {
        var seed = _remote.Seed;
        GitRemote.Git(seed, "checkout", "--quiet", "-b", "gitops/staging-releases");
        Directory.CreateDirectory(Path.Combine(seed, "release-manifests"));
        File.WriteAllText(Path.Combine(seed, "release-manifests", "staging.yaml"), "environment: staging\nservices: [blue: {\n");
        GitRemote.Git(seed, "add", "--all");
        GitRemote.Git(seed, "commit", "--quiet", "-m", "hand edit");
        GitRemote.Git(seed, "push", "--quiet", "origin", "gitops/staging-releases");
        var before = GitRemote.Git(_remote.Bare, "for-each-ref");

        var result = Run(UngatedClone(("blue", "1.6.1")).Clone, "--env=staging", "--service=blue", "--version=1.6.1");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Error: origin/gitops/staging-releases:release-manifests/staging.yaml:", result.All);
        Assert.Equal(before, GitRemote.Git(_remote.Bare, "for-each-ref"));
    }

    // A clone whose release.yaml (edited, not committed) has no gates (no from:) and keeps its images in an OCI
    // layout inside the clone, holding the given images labelled with the clone's HEAD, as a build would leave them.
    private (string Clone, List<string> Digests) UngatedClone(params (string Service, string Tag)[] images)
    {
        var clone = _remote.Clone();
        var config = Path.Combine(clone, "release.yaml");
        File.WriteAllText(config, File.ReadAllText(config)
            .Replace("registry: registry.example.com/acme\n", "registry: oci:.release/registry\n", StringComparison.Ordinal)
            .Replace("    from: dev\n", "", StringComparison.Ordinal)
            .Replace("    from: staging\n", "", StringComparison.Ordinal));
        var head = GitRemote.Git(clone, "rev-parse", "HEAD").Trim();
        var digests = new List<string>();
        foreach (var (service, tag) in images)
        {
            using var store = ImageStores.Open(ImageReference.InRegistry("oci:.release/registry", service), baseDirectory: clone);
            digests.Add(FixtureImages.PushImageAsync(store, service, tag, revision: head).GetAwaiter().GetResult().Digest);
        }

        return (clone, digests);
    }

    private static ProcessResult Run(string clone, params string[] arguments) =>
        ReleasePipeline.RunIn(clone, ["--target=UpdateManifest", .. arguments]);
}
