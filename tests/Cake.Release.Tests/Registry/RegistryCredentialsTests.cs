using Cake.Release.Registry;

namespace Cake.Release.Tests.Registry;

/// <summary>Where credentials come from. The helper is a real program speaking the docker-credential protocol.</summary>
public sealed class RegistryCredentialsTests : IDisposable
{
    private const string Host = "registry.example.com:5000";
    private readonly string _folder = Directory.CreateTempSubdirectory("cake-release-creds-").FullName;

    public RegistryCredentialsTests()
    {
        // docker-credential-test: knows one server; a non-zero exit means "no credential", as docker's helpers do.
        var helper = Path.Combine(_folder, "docker-credential-test");
        File.WriteAllText(helper, $$"""
            #!/bin/sh
            [ "$1" = get ] || exit 2
            read -r server
            if [ "$server" = "{{Host}}" ]; then
              printf '{"ServerURL":"%s","Username":"helper-user","Secret":"helper-secret"}' "$server"
            else
              echo "credentials not found in native keychain"; exit 1
            fi
            """.Replace("\r", "", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(helper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private RegistryCredential? Find(string config, Dictionary<string, string>? variables = null, string registry = Host)
    {
        File.WriteAllText(Path.Combine(_folder, "config.json"), config);
        var environment = new Dictionary<string, string>(variables ?? [])
        {
            ["DOCKER_CONFIG"] = _folder,
            ["PATH"] = $"{_folder}{Path.PathSeparator}{System.Environment.GetEnvironmentVariable("PATH")}",
        };
        return RegistryCredentials.Find(registry, name => environment.GetValueOrDefault(name));
    }

    [Fact]
    public void REGISTRY_USERNAME_and_REGISTRY_PASSWORD_come_first()
    {
        var found = Find("""{"credsStore":"test"}""", new() { ["REGISTRY_USERNAME"] = "ci", ["REGISTRY_PASSWORD"] = "pw" });

        Assert.Equal(("ci", "pw", "REGISTRY_USERNAME/REGISTRY_PASSWORD"), (found?.Username, found?.Secret, found?.Source));
    }

    [Theory]
    [InlineData("{\"auths\":{\"https://registry.example.com:5000\":{\"auth\":\"dXNlcjpwYTpzcw==\"}}}", "user", "pa:ss")]
    [InlineData("{\"auths\":{\"registry.example.com:5000\":{\"username\":\"u2\",\"password\":\"p2\"}}}", "u2", "p2")]
    [InlineData("{\"credHelpers\":{\"registry.example.com:5000\":\"test\"}}", "helper-user", "helper-secret")]
    [InlineData("{\"credsStore\":\"test\",\"auths\":{\"registry.example.com:5000\":{}}}", "helper-user", "helper-secret")]
    public void The_docker_config_gives_them_through_auths_or_a_helper(string config, string user, string secret)
    {
        var found = Find(config);

        Assert.Equal((user, secret), (found?.Username, found?.Secret));
    }

    [Fact]
    public void A_store_that_does_not_know_the_registry_falls_back_to_auths()
    {
        var found = Find("""{"credsStore":"test","auths":{"other.example.com":{"username":"u3","password":"p3"}}}""", registry: "other.example.com");

        Assert.Equal("u3", found?.Username);
    }

    [Fact]
    public void Docker_Hub_logins_are_found_under_their_legacy_key()
    {
        var found = Find("""{"auths":{"https://index.docker.io/v1/":{"username":"hub","password":"p"}}}""", registry: ImageReference.DockerHub);

        Assert.Equal("hub", found?.Username);
    }

    [Fact]
    public void No_entry_means_anonymous() => Assert.Null(Find("""{"auths":{"other.example.com":{"username":"u","password":"p"}}}"""));

    [Fact]
    public void A_missing_helper_is_one_line_naming_the_config_file()
    {
        var error = Assert.Throws<ReleaseException>(() => Find("""{"credsStore":"nowhere"}"""));

        Assert.Equal($"{Path.Combine(_folder, "config.json")} names the credential helper 'nowhere', but docker-credential-nowhere is not on PATH; install it or remove it from {Path.Combine(_folder, "config.json")}.", error.Message);
    }

    [Fact]
    public void The_secret_stays_out_of_the_credentials_text() =>
        Assert.DoesNotContain("helper-secret", Find("""{"credsStore":"test"}""")!.ToString());

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
