using Cake.Release.Tests.Infrastructure;
using Cake.Release.Tests.Registry;

namespace Cake.Release.Tests.Building;

/// <summary>
/// The BuildOnce target run as a real pipeline process against a registry with htpasswd users: buildah gets the
/// credential through a file, never on its command line, and no log line (Cake's diagnostic output logs every
/// command line) ever holds the password.
/// </summary>
public sealed class BuildOnceAuthTests : IDisposable
{
    private const string User = "ci-bot";
    private const string Password = "s3cret-Build-Pa55";
    private readonly LocalRegistry _registry = LocalRegistry.Start(User, Password);
    private readonly BuildFixture _shop;
    private readonly string _dockerConfig = Directory.CreateTempSubdirectory("cake-release-docker-").FullName;

    public BuildOnceAuthTests() => _shop = new BuildFixture($"{_registry.Host}/acme", "buildah");

    public void Dispose()
    {
        _shop.Dispose();
        _registry.Dispose();
        Directory.Delete(_dockerConfig, recursive: true);
    }

    private Dictionary<string, string> Environment(string password)
    {
        var environment = _shop.StorageEnvironment();
        environment["REGISTRY_USERNAME"] = User;
        environment["REGISTRY_PASSWORD"] = password;
        environment["DOCKER_CONFIG"] = _dockerConfig;
        environment["REGISTRY_AUTH_FILE"] = Path.Combine(_dockerConfig, "none.json");
        return environment;
    }

    [Fact]
    public void Credentials_push_the_image_and_never_reach_the_log()
    {
        var run = ReleasePipeline.RunIn(_shop.Clone, Environment(Password), "--target=BuildOnce", "--service=blue", "--verbosity=diagnostic");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain(Password, run.All, StringComparison.Ordinal);
        Assert.Contains("--authfile", run.All, StringComparison.Ordinal);
        var (digest, labels, _) = SkopeoImage.Inspect($"docker://{_registry.Host}/acme/blue:{_shop.Tag}", "--creds", $"{User}:{Password}");
        Assert.Equal(_shop.Head, labels["org.opencontainers.image.revision"]);
        Assert.Contains($"blue {_shop.Tag} built and pushed: {_registry.Host}/acme/blue@{digest}", run.Output, StringComparison.Ordinal);
        Assert.Equal(digest, _shop.BuildsJson().GetProperty("builds")[0].GetProperty("digest").GetString());
    }

    [Fact]
    public void A_docker_login_pushes_services_looked_up_and_built_together_and_never_reaches_the_log()
    {
        var auth = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{User}:{Password}"));
        File.WriteAllText(Path.Combine(_dockerConfig, "config.json"), "{\"auths\":{\"http://" + _registry.Host + "\":{\"auth\":\"" + auth + "\"}}}");
        var environment = _shop.StorageEnvironment();
        environment["DOCKER_CONFIG"] = _dockerConfig;
        environment["REGISTRY_AUTH_FILE"] = Path.Combine(_dockerConfig, "none.json");

        var run = ReleasePipeline.RunIn(_shop.Clone, environment, "--target=BuildOnce", "--service=blue", "--service=green", "--verbosity=diagnostic");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain(Password, run.All, StringComparison.Ordinal);
        Assert.DoesNotContain(auth, run.All, StringComparison.Ordinal);
        foreach (var service in new[] { "blue", "green" })
        {
            var (digest, labels, _) = SkopeoImage.Inspect($"docker://{_registry.Host}/acme/{service}:{_shop.Tag}", "--creds", $"{User}:{Password}");
            Assert.Equal(_shop.Head, labels["org.opencontainers.image.revision"]);
            Assert.Contains($"{service} {_shop.Tag} built and pushed: {_registry.Host}/acme/{service}@{digest}", run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_wrong_password_is_refused_before_anything_is_built_and_is_never_shown()
    {
        const string wrong = "wrong-Pa55-word";

        var run = ReleasePipeline.RunIn(_shop.Clone, Environment(wrong), "--target=BuildOnce", "--service=blue", "--verbosity=diagnostic");

        Assert.NotEqual(0, run.ExitCode);
        Assert.DoesNotContain(wrong, run.All, StringComparison.Ordinal);
        Assert.Contains($"Error: {_registry.Host}/acme/blue:{_shop.Tag}: registry {_registry.Host} refused user '{User}' from REGISTRY_USERNAME/REGISTRY_PASSWORD; check that user name and password.", run.ErrorLines);
        Assert.DoesNotContain("building with buildah", run.All, StringComparison.Ordinal);
    }
}
