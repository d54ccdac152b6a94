using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Promotion;

/// <summary>
/// DeployDev end to end, as CI runs it on every push to main: DetectChanged → BuildOnce (the oci-layer builder into
/// the real docker-registry) → dev's imageTag and manifest, through the pipeline process in a checkout.
/// </summary>
public sealed class DeployDevTests : IDisposable
{
    private readonly PromotionWorld _world = new();

    public void Dispose() => _world.Dispose();

    private string Head => GitRemote.Git(_world.Clone, "rev-parse", "HEAD").Trim();

    private ProcessResult DeployDev(params string[] more)
    {
        var run = _world.Run(["--target=DeployDev", "--by=ci-bot", .. more]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run;
    }

    [Fact]
    public void The_first_run_deploys_every_service_with_the_digest_its_build_tag_names()
    {
        var head = Head;

        DeployDev();

        var dev = _world.Manifest("dev")!;
        foreach (var service in ShopMonorepo.Services)
        {
            var entry = dev.Entry(service)!;
            var digest = _world.TagDigest(service, $"sha-{head[..7]}");
            Assert.NotNull(digest);
            Assert.Equal(($"sha-{head[..7]}", digest, head, "ci-bot"), (entry.Version, entry.Digest, entry.Commit, entry.By));
            Assert.Equal(digest, _world.TagDigest(service, "dev"));
        }

        // One commit and one push for the run, one trailer block per service, so git log --grep reads per service.
        var log = GitRemote.Git(_world.Remote.Bare, "log", "--format=%s", "main..gitops/dev-auto-update").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([$"deploy(blue, green, yellow, red): sha-{head[..7]} → dev"], log);
        var message = GitRemote.Git(_world.Remote.Bare, "log", "-1", "--format=%B", "gitops/dev-auto-update");
        foreach (var service in ShopMonorepo.Services)
        {
            var entry = dev.Entry(service)!;
            Assert.Contains($"\n\nService: {service}\nVersion: sha-{head[..7]}\nDigest: {entry.Digest}\nPromoted-by: ci-bot\nSource-Commit: {head}\n", message, StringComparison.Ordinal);
            Assert.Equal($"deploy(blue, green, yellow, red): sha-{head[..7]} → dev", GitRemote.Git(_world.Remote.Bare, "log", "--format=%s", "--grep", $"^Service: {service}$", "gitops/dev-auto-update").Trim());
        }
    }

    [Fact]
    public void A_change_to_the_library_rebuilds_and_deploys_exactly_its_dependents()
    {
        var first = Head;
        DeployDev();
        var before = _world.Manifest("dev")!;

        var change = ShopMonorepo.Commit(_world.Clone, "fix(payments): round half even", new Dictionary<string, string?> { ["libs/payments/payments.txt"] = "payments v2\n" });
        var run = DeployDev();

        var dev = _world.Manifest("dev")!;
        foreach (var service in ShopMonorepo.PaymentUsers)
        {
            var entry = dev.Entry(service)!;
            Assert.Equal(($"sha-{change[..7]}", change, _world.TagDigest(service, $"sha-{change[..7]}")), (entry.Version, entry.Commit, entry.Digest));
            Assert.Equal(entry.Digest, _world.TagDigest(service, "dev"));
        }

        foreach (var service in ShopMonorepo.Services.Except(ShopMonorepo.PaymentUsers))
        {
            Assert.Equal(before.Entry(service), dev.Entry(service));
            Assert.Equal(first, dev.Entry(service)!.Commit);
            Assert.Null(_world.TagDigest(service, $"sha-{change[..7]}"));
        }

        Assert.Contains("depends on libs/payments", run.Output);
    }

    [Fact]
    public void A_matrix_job_naming_its_service_deploys_that_service_alone_without_detecting()
    {
        var head = Head;

        var run = DeployDev("--service=yellow");

        var dev = _world.Manifest("dev")!;
        Assert.Equal(("sha-" + head[..7], head), (dev.Entry("yellow")!.Version, dev.Entry("yellow")!.Commit));
        foreach (var service in ShopMonorepo.Services.Where(s => s != "yellow"))
        {
            Assert.Null(dev.Entry(service));
            Assert.Null(_world.TagDigest(service, $"sha-{head[..7]}"));
        }

        Assert.DoesNotContain("services changed", run.Output);
    }

    [Fact]
    public void A_re_run_with_nothing_new_builds_nothing_and_writes_nothing()
    {
        DeployDev();
        var state = _world.State();

        var again = DeployDev();

        Assert.Equal(state, _world.State());
        Assert.Contains("No service changed; dev stays as it is.", again.Output);
    }

    [Fact]
    public void A_dry_run_plans_the_builds_and_the_manifest_and_changes_nothing()
    {
        DeployDev();
        var change = ShopMonorepo.Commit(_world.Clone, "feat(blue): new banner", new Dictionary<string, string?> { ["projects/blue/dist/blue.txt"] = "blue build output v2\n" });
        var state = _world.State();

        var dry = DeployDev("--dryrun");

        Assert.Equal(state, _world.State());
        Assert.Null(_world.TagDigest("blue", $"sha-{change[..7]}"));
        Assert.Contains($"blue sha-{change[..7]} would be built with oci-layer", dry.Output);
        Assert.Contains($"deploy(blue): sha-{change[..7]} → dev", dry.Output);
    }

    [Fact]
    public void An_unreachable_origin_is_found_before_the_registry_is_touched()
    {
        DeployDev("--service=blue");
        var dev = _world.TagDigest("blue", "dev");
        var change = ShopMonorepo.Commit(_world.Clone, "feat(blue): new banner", new Dictionary<string, string?> { ["projects/blue/dist/blue.txt"] = "blue build output v2\n" });
        var gone = Path.Combine(_world.Remote.Folder, "moved-away.git");
        GitRemote.Git(_world.Clone, "remote", "set-url", "origin", gone);
        var before = _world.State();

        var run = _world.Run("--target=DeployDev", "--service=blue");

        Assert.True(run.ExitCode == 1, run.ToString());
        var error = Assert.Single(run.All.Split('\n'), line => line.StartsWith("Error:", StringComparison.Ordinal));
        Assert.Contains("origin", error);
        Assert.Equal(dev, _world.TagDigest("blue", "dev"));
        Assert.Null(_world.TagDigest("blue", $"sha-{change[..7]}"));
        Assert.Equal(before, _world.State());
    }

    [Fact]
    public void Without_an_auto_environment_it_refuses_in_one_line_and_changes_nothing()
    {
        using var world = new PromotionWorld(yaml => yaml.Replace("    auto: true\n", ""));
        var state = world.State();

        var run = world.Run("--target=DeployDev");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Single(run.ErrorLines, line => line.StartsWith("Error:", StringComparison.Ordinal)
            && line.EndsWith("release.yaml: no environment has auto: true, so DeployDev has nowhere to deploy; add auto: true to the environment that follows main (dev).", StringComparison.Ordinal));
        Assert.DoesNotContain("BuildOnce", run.Output);
        Assert.Equal(state, world.State());
    }
}
