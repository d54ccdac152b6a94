using Cake.Release.Registry;

namespace Cake.Release.Tests.Registry;

/// <summary>Basic auth against the registry's own htpasswd (bcrypt) users.</summary>
public sealed class RegistryAuthTests() : RegistryTestBase(User, Password)
{
    private const string User = "release-bot";
    private const string Password = "s3cret-Pa55word";

    private static readonly HashSet<string> Environments = ["stg"];

    [Fact]
    public async Task Credentials_from_REGISTRY_USERNAME_and_REGISTRY_PASSWORD_push_and_retag()
    {
        using var store = Open(environment: new Dictionary<string, string> { ["REGISTRY_USERNAME"] = User, ["REGISTRY_PASSWORD"] = Password });
        var image = await FixtureImages.PushImageAsync(store, "acme/blue", "sha-3f2c1ab");

        var result = await ImageRetagger.RetagAsync(store, Image("acme/blue:sha-3f2c1ab"), ["1.6.0"], Environments, dryRun: false);

        Assert.Equal(image.Digest, result.Digest);
        Assert.Equal(["1.6.0", "sha-3f2c1ab"], (await store.ListTagsAsync("acme/blue")).Order());
    }

    [Fact]
    public async Task A_docker_login_in_the_docker_config_is_used()
    {
        var folder = Directory.CreateTempSubdirectory("cake-release-docker-").FullName;
        try
        {
            var auth = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{User}:{Password}"));
            File.WriteAllText(Path.Combine(folder, "config.json"), "{\"auths\":{\"http://" + Registry.Host + "\":{\"auth\":\"" + auth + "\"}}}");
            using var store = Open(environment: new Dictionary<string, string> { ["DOCKER_CONFIG"] = folder });

            var image = await FixtureImages.PushImageAsync(store, "acme/blue", "1.0.0");

            Assert.Equal(image.Digest, (await store.ResolveAsync("acme/blue", "1.0.0"))?.Digest);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_wrong_password_names_the_registry_and_the_user_but_never_the_password()
    {
        const string wrong = "not-the-Pa55word-4711";
        using var store = Open(environment: new Dictionary<string, string> { ["REGISTRY_USERNAME"] = User, ["REGISTRY_PASSWORD"] = wrong });

        var error = await Assert.ThrowsAsync<ReleaseException>(() =>
            ImageRetagger.RetagAsync(store, Image("acme/blue:sha-3f2c1ab"), ["1.6.0"], Environments, dryRun: false));

        Assert.Equal(
            $"{Registry.Host}/acme/blue:sha-3f2c1ab: registry {Registry.Host} refused user '{User}' from REGISTRY_USERNAME/REGISTRY_PASSWORD; check that user name and password.",
            error.Message);
        Assert.DoesNotContain(wrong, error.ToString());
        Assert.DoesNotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{User}:{wrong}")), error.ToString());
    }

    [Fact]
    public async Task No_credentials_at_all_says_how_to_give_them()
    {
        using var store = Open();

        var error = await Assert.ThrowsAsync<ReleaseException>(() => store.ListTagsAsync("acme/blue"));

        Assert.Equal(
            $"{Registry.Host}/acme/blue: registry {Registry.Host} asks for a login to list the tags of it; set REGISTRY_USERNAME and REGISTRY_PASSWORD, or run docker login {Registry.Host}.",
            error.Message);
    }
}
