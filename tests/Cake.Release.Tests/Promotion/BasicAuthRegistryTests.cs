using System.Text;
using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Promotion;

/// <summary>
/// DeployDev, Retag, PromoteStaging and PromoteEnv as pipeline processes against a registry with htpasswd (bcrypt) users, the
/// login given as CI gives it (REGISTRY_USERNAME/REGISTRY_PASSWORD) or as a docker login leaves it (DOCKER_CONFIG
/// with <c>auths</c>). Every run logs at diagnostic verbosity, and no output ever holds the password.
/// </summary>
public sealed class BasicAuthRegistryTests : IDisposable
{
    private const string User = "release-bot";
    private const string Password = "s3cret-Basic-Pa55";
    private readonly PromotionWorld _world = new(login: (User, Password));

    public void Dispose() => _world.Dispose();

    private Dictionary<string, string> Login(string source, string password = Password)
    {
        if (source == "environment")
        {
            return new() { ["REGISTRY_USERNAME"] = User, ["REGISTRY_PASSWORD"] = password };
        }

        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{password}"));
        File.WriteAllText(Path.Combine(_world.DockerConfig, "config.json"), "{\"auths\":{\"http://" + _world.Registry.Host + "\":{\"auth\":\"" + auth + "\"}}}");
        return [];
    }

    private ProcessResult Run(Dictionary<string, string> login, params string[] args)
    {
        var run = _world.Run(login, [.. args, "--verbosity=diagnostic"]);
        Assert.DoesNotContain(Password, run.All, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")), run.All, StringComparison.Ordinal);
        return run;
    }

    [Theory]
    [InlineData("environment")]
    [InlineData("docker config")]
    public void DeployDev_Retag_and_promotions_log_in_and_never_show_the_password(string source)
    {
        var login = Login(source);
        var head = GitRemote.Git(_world.Clone, "rev-parse", "HEAD").Trim();
        var build = $"sha-{head[..7]}";

        var deploy = Run(login, "--target=DeployDev", "--by=ci-bot");

        Assert.True(deploy.ExitCode == 0, deploy.ToString());
        foreach (var service in ShopMonorepo.Services)
        {
            var digest = _world.TagDigest(service, build);
            Assert.NotNull(digest);
            Assert.Equal((digest, digest), (_world.Manifest("dev")!.Entry(service)!.Digest, _world.TagDigest(service, "dev")));
        }

        var dev = _world.Manifest("dev")!.Entry("blue")!.Digest;
        var retag = Run(login, "--target=Retag", "--service=blue", $"--from-tag={build}", "--tag=candidate", "--tag=stg");

        Assert.True(retag.ExitCode == 0, retag.ToString());
        Assert.Equal((dev, dev), (_world.TagDigest("blue", "candidate"), _world.TagDigest("blue", "stg")));

        var promote = Run(login, "--target=PromoteStaging", "--service=blue", "--version=1.6.0", "--by=alice");

        Assert.True(promote.ExitCode == 0, promote.ToString());
        var staging = _world.Manifest("staging")!.Entry("blue")!;
        Assert.Equal(("1.6.0-rc.1", dev, head), (staging.Version, staging.Digest, staging.Commit));
        Assert.Equal(dev, _world.TagDigest("blue", "1.6.0-rc.1"));

        var production = Run(login, "--target=PromoteEnv", "--service=blue", "--from=staging", "--to=production", "--by=alice", "--approver=bob", "--approver=carol");

        Assert.True(production.ExitCode == 0, production.ToString());
        Assert.Equal(("1.6.0", dev), (_world.Manifest("production")!.Entry("blue")!.Version, _world.Manifest("production")!.Entry("blue")!.Digest));
        Assert.Equal((dev, dev), (_world.TagDigest("blue", "1.6.0"), _world.TagDigest("blue", "prd")));
    }

    [Theory]
    [InlineData("environment", "REGISTRY_USERNAME/REGISTRY_PASSWORD")]
    [InlineData("docker config", "{config}")]
    public void A_wrong_password_is_one_line_naming_the_registry_and_the_user_and_nothing_moves(string source, string from)
    {
        const string wrong = "wrong-Basic-Pa55";
        _world.SeedDev();
        var before = _world.State();
        var login = Login(source, wrong);
        from = from.Replace("{config}", Path.Combine(_world.DockerConfig, "config.json"), StringComparison.Ordinal);

        var promote = Run(login, "--target=PromoteStaging", "--service=blue", "--version=1.6.0", "--by=alice");

        Assert.NotEqual(0, promote.ExitCode);
        Assert.DoesNotContain(wrong, promote.All, StringComparison.Ordinal);
        var error = Assert.Single(promote.ErrorLines, line => line.StartsWith("Error:", StringComparison.Ordinal));
        Assert.EndsWith($"registry {_world.Registry.Host} refused user '{User}' from {from}; check that user name and password.", error, StringComparison.Ordinal);
        Assert.Equal(before, _world.State());
    }
}
