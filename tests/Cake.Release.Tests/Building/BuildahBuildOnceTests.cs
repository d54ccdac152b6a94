using Cake.Release.Building;
using Cake.Release.Tests.Infrastructure;
using Cake.Release.Tests.Registry;

namespace Cake.Release.Tests.Building;

/// <summary>BuildOnce with the real buildah (vfs, chroot, FROM scratch) into the real docker-registry on 127.0.0.1.</summary>
public sealed class BuildahBuildOnceTests : IDisposable
{
    private readonly LocalRegistry _registry = LocalRegistry.Start();
    private readonly BuildFixture _shop;

    public BuildahBuildOnceTests() => _shop = new BuildFixture($"{_registry.Host}/acme", "buildah");

    public void Dispose()
    {
        _shop.Dispose();
        _registry.Dispose();
    }

    private string Image(string service) => $"docker://{_registry.Host}/acme/{service}:{_shop.Tag}";

    [Fact]
    public void Builds_and_pushes_each_service_with_the_oci_labels_and_reports_the_digest()
    {
        var (context, log) = CakeContexts.Create();
        var commitTime = DateTimeOffset.FromUnixTimeSeconds(long.Parse(GitRemote.Git(_shop.Clone, "show", "-s", "--format=%ct").Trim()));

        var result = context.BuildOnce(_shop.Settings("blue", "green"));

        Assert.Equal(["blue", "green"], result.Builds.Select(b => b.Service));
        foreach (var build in result.Builds)
        {
            var (digest, labels, layers) = SkopeoImage.Inspect(Image(build.Service));
            Assert.True(build.Built);
            Assert.Equal((_shop.Head, _shop.Tag, $"{_registry.Host}/acme/{build.Service}"), (build.Commit, build.Tag, build.Image));
            Assert.Equal(digest, build.Digest);
            Assert.Single(layers);
            Assert.Equal(_shop.Head, labels["org.opencontainers.image.revision"]);
            Assert.Equal(_shop.Remote.Bare, labels["org.opencontainers.image.source"]);
            Assert.Equal(commitTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"), labels["org.opencontainers.image.created"]);
            Assert.Contains($"{build.Service} {_shop.Tag} built and pushed: {_registry.Host}/acme/{build.Service}@{digest}", log.Lines);
        }

        var report = _shop.BuildsJson();
        Assert.Equal(_shop.Head, report.GetProperty("commit").GetString());
        Assert.Equal(result.Builds.Select(b => (b.Service, b.Digest, true)),
            report.GetProperty("builds").EnumerateArray().Select(b => (b.GetProperty("service").GetString()!, b.GetProperty("digest").GetString()!, b.GetProperty("built").GetBoolean())));
        Assert.Empty(report.GetProperty("failed").EnumerateArray());
        Assert.Empty(SkopeoImage.Tags($"docker://{_registry.Host}/acme/yellow"));
    }

    [Fact]
    public void A_second_run_builds_nothing_and_reports_the_same_digest()
    {
        var (context, log) = CakeContexts.Create();
        var first = context.BuildOnce(_shop.Settings("blue")).Builds.Single();

        var again = context.BuildOnce(_shop.Settings("blue")).Builds.Single();

        Assert.False(again.Built);
        Assert.Equal(first.Digest, again.Digest);
        Assert.Contains($"blue {_shop.Tag} is already in the registry ({first.Digest}); not rebuilt.", log.Lines);
        Assert.False(_shop.BuildsJson().GetProperty("builds")[0].GetProperty("built").GetBoolean());
    }

    [Fact]
    public void A_failing_Dockerfile_fails_its_service_while_the_others_push_and_the_run_names_it()
    {
        ShopMonorepo.Commit(_shop.Clone, "break green", new Dictionary<string, string?> { ["projects/green/Dockerfile"] = "FROM scratch\nCOPY missing.txt /missing.txt\n" });
        var (context, log) = CakeContexts.Create();

        var error = Assert.Throws<BuildFailedException>(() => context.BuildOnce(_shop.Settings("blue", "green", "yellow")));

        Assert.Equal($"BuildOnce: 1 of 3 services failed: green: buildah build exited with 125. Their builders' last lines are logged above; the other images were pushed and will not be rebuilt, so fix the failures and run BuildOnce again.", error.Message);
        Assert.Equal([_shop.Tag], SkopeoImage.Tags($"docker://{_registry.Host}/acme/blue"));
        Assert.Equal([_shop.Tag], SkopeoImage.Tags($"docker://{_registry.Host}/acme/yellow"));
        Assert.Empty(SkopeoImage.Tags($"docker://{_registry.Host}/acme/green"));
        var failed = log.Lines.SkipWhile(l => l != $"green {_shop.Tag} failed: buildah build exited with 125.").ToList();
        Assert.True(failed.Count > 2, string.Join('\n', log.Lines));
        Assert.StartsWith("green: the builder's last ", failed[1]);
        Assert.InRange(failed.Skip(2).TakeWhile(l => l.StartsWith("  green | ", StringComparison.Ordinal)).Count(), 1, 20);
        Assert.Contains(failed, l => l.StartsWith("  green | ", StringComparison.Ordinal) && l.Contains("missing.txt", StringComparison.Ordinal));
        var report = _shop.BuildsJson();
        Assert.Equal(["blue", "yellow"], report.GetProperty("builds").EnumerateArray().Select(b => b.GetProperty("service").GetString()));
        Assert.Equal("green", report.GetProperty("failed")[0].GetProperty("service").GetString());
    }

    [Fact]
    public void Dry_run_says_what_it_would_build_and_changes_nothing()
    {
        var (context, _) = CakeContexts.Create();
        context.BuildOnce(_shop.Settings("blue"));
        File.Delete(Path.Combine(_shop.Clone, "artifacts", "builds.json"));
        var state = GitRemote.LocalState(_shop.Clone);
        var (dry, log) = CakeContexts.Create("--dryrun");

        var result = dry.BuildOnce(_shop.Settings("blue", "green"));

        Assert.True(result.DryRun);
        Assert.Equal([(false, "blue"), (true, "green")], result.Builds.Select(b => (b.Built, b.Service)));
        Assert.Equal("", result.Builds[1].Digest);
        Assert.Equal($"green {_shop.Tag} would be built with buildah at {_shop.Head[..7]} and pushed to {_registry.Host}/acme/green:{_shop.Tag}.", log.Lines[^1]);
        Assert.Empty(SkopeoImage.Tags($"docker://{_registry.Host}/acme/green"));
        Assert.False(File.Exists(Path.Combine(_shop.Clone, "artifacts", "builds.json")));
        Assert.Equal(state, GitRemote.LocalState(_shop.Clone));
    }

    [Fact]
    public void Without_services_it_builds_those_in_changed_json_at_its_head()
    {
        Directory.CreateDirectory(Path.Combine(_shop.Clone, "artifacts"));
        File.WriteAllText(Path.Combine(_shop.Clone, "artifacts", "changed.json"), $$"""{ "head": "{{_shop.Head}}", "services": [ { "service": "yellow", "reasons": [] } ] }""");
        var (context, _) = CakeContexts.Create();

        var result = context.BuildOnce(_shop.Settings());

        Assert.Equal([("yellow", _shop.Head, true)], result.Builds.Select(b => (b.Service, b.Commit, b.Built)));
        Assert.Equal(result.Builds[0].Digest, SkopeoImage.Inspect(Image("yellow")).Digest);
    }

    [Fact]
    public void Without_services_or_changed_json_it_says_to_run_DetectChanged()
    {
        var (context, _) = CakeContexts.Create();

        var error = Assert.Throws<ReleaseException>(() => context.BuildOnce(_shop.Settings()));

        Assert.Equal($"BuildOnce: artifacts/changed.json is not there ({_shop.Clone}); run DetectChanged first, or name the services with --service=<name>.", error.Message);
    }

    [Fact]
    public void Buildah_pushes_into_an_oci_layout_that_a_second_run_finds()
    {
        using var layoutShop = new BuildFixture("oci:.release/registry", "buildah");
        var (context, _) = CakeContexts.Create();

        var build = context.BuildOnce(layoutShop.Settings("blue")).Builds.Single();
        var again = context.BuildOnce(layoutShop.Settings("blue")).Builds.Single();

        var (digest, labels, _) = SkopeoImage.Inspect($"oci:{Path.Combine(layoutShop.Clone, ".release", "registry", "blue")}:{layoutShop.Tag}");
        Assert.Equal((digest, digest, false), (build.Digest, again.Digest, again.Built));
        Assert.Equal(layoutShop.Head, labels["org.opencontainers.image.revision"]);
    }
}
