using Cake.Release.Registry;

namespace Cake.Release.Tests.Registry;

/// <summary>Basic auth against the registry's own htpasswd (bcrypt) users.</summary>
public sealed class RegistryAuthTests() : RegistryTestBase(User, Password, accessLog: true)
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
    public async Task Requests_sent_together_by_a_new_client_all_log_in()
    {
        var login = new Dictionary<string, string> { ["REGISTRY_USERNAME"] = User, ["REGISTRY_PASSWORD"] = Password };
        string digest;
        using (var pusher = Open(environment: login))
        {
            digest = (await FixtureImages.PushImageAsync(pusher, "acme/blue", "sha-3f2c1ab")).Digest;
        }

        // A new client has seen no challenge yet: every one of these meets its own 401 first, as BuildOnce's parallel
        // lookups and Retag's parallel reads do.
        using var store = Open(environment: login);
        var resolved = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.ResolveAsync("acme/blue", "sha-3f2c1ab"))));
        var together = await RequestsAsync("HEAD /v2/acme/blue/manifests/sha-3f2c1ab ", atLeast: 8, ok: 8);
        var again = await store.ResolveAsync("acme/blue", "sha-3f2c1ab");

        Assert.All(resolved, found => Assert.Equal(digest, found?.Digest));
        Assert.Equal(digest, again?.Digest);
        // Each request is retried at most once; once the scheme is known, the next one logs in up front.
        Assert.InRange(together.Count, 8, 16);
        Assert.Equal(together.Count + 1, (await RequestsAsync("HEAD /v2/acme/blue/manifests/sha-3f2c1ab ", atLeast: together.Count + 1, ok: 9)).Count);
    }

    [Fact]
    public async Task A_docker_login_retags_from_a_new_client_whose_reads_go_out_together()
    {
        string digest;
        using (var pusher = Open(environment: new Dictionary<string, string> { ["REGISTRY_USERNAME"] = User, ["REGISTRY_PASSWORD"] = Password }))
        {
            digest = (await FixtureImages.PushImageAsync(pusher, "acme/blue", "sha-3f2c1ab")).Digest;
        }

        var folder = Directory.CreateTempSubdirectory("cake-release-docker-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "config.json"), DockerConfig("http://" + Registry.Host, User, Password));
            using var store = Open(environment: new Dictionary<string, string> { ["DOCKER_CONFIG"] = folder });

            var result = await ImageRetagger.RetagAsync(store, Image("acme/blue:sha-3f2c1ab"), ["1.6.0", "1.6", "stg"], Environments, dryRun: false);

            Assert.Equal(digest, result.Digest);
            Assert.Equal(["1.6", "1.6.0", "sha-3f2c1ab", "stg"], (await store.ListTagsAsync("acme/blue")).Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_wrong_password_in_requests_sent_together_is_refused_in_each_and_never_shown()
    {
        const string wrong = "not-the-Pa55word-0815";
        using var store = Open(environment: new Dictionary<string, string> { ["REGISTRY_USERNAME"] = User, ["REGISTRY_PASSWORD"] = wrong });

        var errors = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Assert.ThrowsAsync<ReleaseException>(() => Task.Run(() => store.ResolveAsync("acme/blue", "1.0.0")))));

        // "Refused" is true only if the password was tried: once per request, never more, whatever the others did.
        Assert.InRange((await RequestsAsync("HEAD /v2/acme/blue/manifests/1.0.0 ", atLeast: 6, ok: 0)).Count, 6, 12);
        Assert.Equal(6, await RefusedLoginsAsync(User, atLeast: 6));
        Assert.All(errors, error =>
        {
            Assert.Equal($"{Registry.Host}/acme/blue:1.0.0: registry {Registry.Host} refused user '{User}' from REGISTRY_USERNAME/REGISTRY_PASSWORD; check that user name and password.", error.Message);
            Assert.DoesNotContain(wrong, error.ToString(), StringComparison.Ordinal);
        });
    }

    // A careless docker config: the right login, filed under a host that is not this registry's. Sent anyway, it
    // would log in; not sent, the registry asks for a login.
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("http://127.0.0.1:1")]
    [InlineData("localhost:{port}")]
    [InlineData("{host}.evil.example")]
    [InlineData("https://evil.example/{host}")]
    public async Task A_login_filed_under_another_host_is_not_sent_to_this_registry(string key)
    {
        var folder = Directory.CreateTempSubdirectory("cake-release-docker-").FullName;
        try
        {
            key = key.Replace("{host}", Registry.Host, StringComparison.Ordinal).Replace("{port}", Registry.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(folder, "config.json"), DockerConfig(key, User, Password));
            using var store = Open(environment: new Dictionary<string, string> { ["DOCKER_CONFIG"] = folder });

            var error = await Assert.ThrowsAsync<ReleaseException>(() => store.ListTagsAsync("acme/blue"));

            Assert.StartsWith($"{Registry.Host}/acme/blue: registry {Registry.Host} asks for a login to list the tags of it;", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // The registry's access log is written after it answers: wait a little for the lines a test expects.
    private async Task<List<string>> RequestsAsync(string request, int atLeast, int ok)
    {
        List<string> lines;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        do
        {
            await Task.Delay(100);
            lines = Registry.Log.Where(line => line.Contains(request, StringComparison.Ordinal)).ToList();
        }
        while ((lines.Count < atLeast || lines.Count(line => line.Contains("\" 200 ", StringComparison.Ordinal)) < ok) && waited.Elapsed < TimeSpan.FromSeconds(10));

        Assert.Equal(ok, lines.Count(line => line.Contains("\" 200 ", StringComparison.Ordinal)));
        return lines;
    }

    private async Task<int> RefusedLoginsAsync(string user, int atLeast)
    {
        int count;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        do
        {
            await Task.Delay(100);
            count = Registry.Log.Count(line => line.Contains($"error authenticating user \\\"{user}\\\"", StringComparison.Ordinal));
        }
        while (count < atLeast && waited.Elapsed < TimeSpan.FromSeconds(10));

        return count;
    }

    private static string DockerConfig(string key, string user, string password) =>
        "{\"auths\":{\"" + key + "\":{\"auth\":\"" + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user}:{password}")) + "\"}}}";

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
