using Cake.Release.Tests.Infrastructure;
using Cake.Release.Tests.Promotion;

namespace Cake.Release.Tests.GitOps;

/// <summary>
/// The UpdateManifest target is no back door: it writes only what the registry holds, records the commit the image
/// says it was built from, and leaves gated environments to Promote&lt;Env&gt;. A pipeline process in the shop's
/// checkout, against the real docker-registry.
/// </summary>
public sealed class UpdateManifestGateTests : IDisposable
{
    private const string Unknown = "sha256:00000000000000000000000000000000000000000000000000000000000000aa";
    private readonly PromotionWorld _world = new();

    public void Dispose() => _world.Dispose();

    private string Head => GitRemote.Git(_world.Clone, "rev-parse", "HEAD").Trim();

    [Theory]
    [InlineData("production", "from: staging, approvals: 2", "PromoteProduction")]
    [InlineData("staging", "from: dev", "PromoteStaging")]
    public void A_gated_environment_is_refused_with_the_target_that_checks_its_gates(string environment, string gates, string target)
    {
        var digest = _world.PushImage("blue", "1.6.1", revision: Head);
        var before = _world.State();

        var run = _world.Run("--target=UpdateManifest", $"--env={environment}", "--service=blue", "--version=1.6.1", $"--digest={digest}", "--by=mallory");

        AssertRefused(run, $"UpdateManifest does not write {environment}: it has gates ({gates}) that only {target} checks; run ./build.sh --target={target} --service=blue --version=1.6.1 instead.");
        Assert.Equal(before, _world.State());
    }

    [Fact]
    public void Soak_alone_is_a_gate_too_on_a_chain_without_from()
    {
        using var world = new PromotionWorld(yaml => yaml.Replace("environments:\n", "environments:\n  canary:\n    branch: gitops/canary\n    soak: 2h\n", StringComparison.Ordinal));
        var digest = world.PushImage("blue", "1.6.1", revision: GitRemote.Git(world.Clone, "rev-parse", "HEAD").Trim());

        var run = world.Run("--target=UpdateManifest", "--env=canary", "--service=blue", "--version=1.6.1", $"--digest={digest}");

        AssertRefused(run, "UpdateManifest does not write canary: it has gates (soak: 2h) that only PromoteCanary checks");
        Assert.Null(world.RemoteCommit("refs/heads/gitops/canary"));
    }

    [Fact]
    public void A_change_window_alone_is_a_gate_too()
    {
        using var world = new PromotionWorld(yaml => yaml.Replace("environments:\n", "environments:\n  canary:\n    branch: gitops/canary\n    freeze: [{start: \"0 18 * * FRI\", end: \"0 6 * * MON\"}]\n", StringComparison.Ordinal));
        var digest = world.PushImage("blue", "1.6.1", revision: GitRemote.Git(world.Clone, "rev-parse", "HEAD").Trim());

        var run = world.Run("--target=UpdateManifest", "--env=canary", "--service=blue", "--version=1.6.1", $"--digest={digest}");

        AssertRefused(run, "UpdateManifest does not write canary: it has gates (freeze: 1 change window(s)) that only PromoteCanary checks");
        Assert.Null(world.RemoteCommit("refs/heads/gitops/canary"));
    }

    [Fact]
    public void A_digest_the_registry_lacks_is_refused_naming_the_repository()
    {
        var before = _world.State();

        var run = _world.Run("--target=UpdateManifest", "--env=dev", "--service=blue", "--version=sha-1234567", $"--digest={Unknown}", $"--commit={Head}");

        AssertRefused(run, $"{Unknown} is not in {_world.Registry.Host}/acme/blue (--digest), so blue cannot run it; pass the digest BuildOnce or Retag printed for blue.");
        Assert.Equal(before, _world.State());
    }

    [Fact]
    public void Another_services_digest_is_refused_naming_whose_image_it_is()
    {
        var green = _world.PushImage("green", "sha-1234567", revision: Head);
        var before = _world.State();

        var run = _world.Run("--target=UpdateManifest", "--env=dev", "--service=blue", "--version=sha-1234567", $"--digest={green}");

        AssertRefused(run, $"{green} is not in {_world.Registry.Host}/acme/blue (it is an image of {_world.Registry.Host}/acme/green) (--digest)");
        Assert.Equal(before, _world.State());
    }

    [Fact]
    public void The_source_commit_is_the_images_own_revision_not_the_checkouts_head()
    {
        var built = Head;
        var digest = _world.PushImage("blue", $"sha-{built[..7]}", revision: built);
        var later = ShopMonorepo.Commit(_world.Clone, "docs: later", new Dictionary<string, string?> { ["docs/README.md"] = "later\n" });

        var run = _world.Run("--target=UpdateManifest", "--env=dev", "--service=blue", $"--version=sha-{built[..7]}", $"--digest={digest}");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.NotEqual(later, built);
        Assert.Equal((built, digest), (_world.Manifest("dev")!.Entry("blue")!.Commit, _world.Manifest("dev")!.Entry("blue")!.Digest));
        Assert.Contains($"Source-Commit: {built}", GitRemote.Git(_world.Remote.Bare, "log", "-1", "--format=%B", "gitops/dev-auto-update"));
    }

    [Fact]
    public void Without_a_digest_the_versions_tag_names_the_image_and_an_untagged_version_is_refused()
    {
        var built = Head;
        var digest = _world.PushImage("blue", $"sha-{built[..7]}", revision: built);
        var before = _world.State();

        var missing = _world.Run("--target=UpdateManifest", "--env=dev", "--service=blue", "--version=sha-0000000");
        AssertRefused(missing, $"{_world.Registry.Host}/acme/blue:sha-0000000 is not in the registry (--version without --digest), so blue cannot run it;");
        Assert.Equal(before, _world.State());

        var run = _world.Run("--target=UpdateManifest", "--env=dev", "--service=blue", $"--version=sha-{built[..7]}");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal((digest, built), (_world.Manifest("dev")!.Entry("blue")!.Digest, _world.Manifest("dev")!.Entry("blue")!.Commit));
    }

    [Fact]
    public void A_commit_that_contradicts_the_images_revision_is_refused_and_an_unlabelled_image_needs_one()
    {
        var built = Head;
        var labelled = _world.PushImage("blue", "sha-labelled", revision: built);
        var unlabelled = _world.PushImage("blue", "sha-unlabelled", imageSize: 33);
        var later = ShopMonorepo.Commit(_world.Clone, "docs: later", new Dictionary<string, string?> { ["docs/README.md"] = "later\n" });
        var before = _world.State();

        var contradicts = _world.Run("--target=UpdateManifest", "--env=dev", "--service=blue", "--version=sha-labelled", $"--digest={labelled}", "--commit=HEAD");
        AssertRefused(contradicts, $"--commit=HEAD is not what blue@{labelled} was built from ({built}, its org.opencontainers.image.revision label);");

        var unknown = _world.Run("--target=UpdateManifest", "--env=dev", "--service=blue", "--version=sha-unlabelled", $"--digest={unlabelled}");
        AssertRefused(unknown, $"blue@{unlabelled} records no source commit (no org.opencontainers.image.revision label); pass --commit=<sha> of the commit it was built from.");
        Assert.Equal(before, _world.State());

        var given = _world.Run("--target=UpdateManifest", "--env=dev", "--service=blue", "--version=sha-unlabelled", $"--digest={unlabelled}", $"--commit={later[..7]}");
        Assert.True(given.ExitCode == 0, given.ToString());
        Assert.Equal(later, _world.Manifest("dev")!.Entry("blue")!.Commit);
    }

    private static void AssertRefused(ProcessResult run, string message)
    {
        Assert.True(run.ExitCode == 1, run.ToString());
        var error = Assert.Single(run.All.Split('\n'), line => line.StartsWith("Error:", StringComparison.Ordinal));
        Assert.Contains(message, error);
    }
}
