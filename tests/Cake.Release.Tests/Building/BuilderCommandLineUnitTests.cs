using Cake.Core.IO;
using Cake.Release.Building;
using Cake.Release.Config;
using Cake.Release.Registry;

namespace Cake.Release.Tests.Building;

/// <summary>
/// Unit tests of the builders' command lines. docker and podman are not installed on these machines (no engine
/// runs here), so their arguments are checked as text, not by running them; buildah's are run for real elsewhere.
/// </summary>
public sealed class BuilderCommandLineUnitTests
{
    private static readonly DateTimeOffset Created = DateTimeOffset.FromUnixTimeSeconds(1737367440);

    private static ImageBuildRequest Request(string registry, string? platform = "linux/arm64") => new()
    {
        Service = new ServiceConfig { Name = "blue", Path = "projects/blue", Image = "blue" },
        Commit = "3f2c1a0b4d5e6f708192a3b4c5d6e7f8091a2b3c",
        Target = ImageReference.InRegistry(registry, "blue").WithTag("sha-3f2c1a0"),
        SourceRoot = "/src",
        RepositoryRoot = "/repo",
        Labels = ImageLabels.For("3f2c1a0b4d5e6f708192a3b4c5d6e7f8091a2b3c", Created, "https://bot:ghp_token@github.com/acme/shop.git"),
        BuildArgs = new Dictionary<string, string> { ["NODE_VERSION"] = "22" },
        Platform = platform,
        Created = Created,
    };

    private static string Render(ProcessArgumentBuilder arguments) => arguments.Render();

    [Fact]
    public void Podman_unit_build_has_storage_options_before_the_subcommand_then_platform_time_args_and_labels()
    {
        var storage = new StorageOptions("vfs", "/var/tmp/root", "/run/tmp", "chroot");

        var line = Render(DaemonlessBuilder<PodmanSettings>.BuildArguments(Request("registry.example.com/acme"), storage, "registry.example.com/acme/blue:sha-3f2c1a0", "/tmp/auth/config.json"));

        Assert.Equal(
            "--storage-driver \"vfs\" --root \"/var/tmp/root\" --runroot \"/run/tmp\" build --isolation \"chroot\" --authfile \"/tmp/auth/config.json\" " +
            "--platform \"linux/arm64\" --timestamp 1737367440 --build-arg \"NODE_VERSION=22\" " +
            "--label \"org.opencontainers.image.created=2025-01-20T10:04:00Z\" --label \"org.opencontainers.image.revision=3f2c1a0b4d5e6f708192a3b4c5d6e7f8091a2b3c\" " +
            "--label \"org.opencontainers.image.source=https://github.com/acme/shop.git\" " +
            "--file \"/src/projects/blue/Dockerfile\" --tag \"registry.example.com/acme/blue:sha-3f2c1a0\" \"/src/projects/blue\"",
            line);
    }

    [Fact]
    public void Podman_unit_push_writes_the_digest_to_a_file_and_verifies_tls_for_a_remote_registry()
    {
        var line = Render(DaemonlessBuilder<PodmanSettings>.PushArguments(Request("registry.example.com/acme"), new StorageOptions(null, null, null, null), "registry.example.com/acme/blue:sha-3f2c1a0", "/tmp/d/digest", null));

        Assert.Equal("push --digestfile \"/tmp/d/digest\" \"registry.example.com/acme/blue:sha-3f2c1a0\" \"docker://registry.example.com/acme/blue:sha-3f2c1a0\"", line);
    }

    [Theory]
    [InlineData("http://10.0.0.5:5000/acme", "docker://10.0.0.5:5000/acme/blue:sha-3f2c1a0")]
    [InlineData("127.0.0.1:5000/acme", "docker://127.0.0.1:5000/acme/blue:sha-3f2c1a0")]
    public void Podman_unit_push_to_a_plain_http_registry_turns_tls_verification_off(string registry, string destination)
    {
        var line = Render(DaemonlessBuilder<PodmanSettings>.PushArguments(Request(registry), new StorageOptions(null, null, null, null), "local:tag", "/d", "/a/config.json"));

        Assert.Equal($"push --digestfile \"/d\" --tls-verify=false --authfile \"/a/config.json\" \"local:tag\" \"{destination}\"", line);
    }

    [Fact]
    public void Buildah_unit_push_into_an_oci_layout_names_the_repository_layout_under_the_repository_root()
    {
        var request = Request("oci:.release/registry");

        Assert.Equal("localhost/blue:sha-3f2c1a0", DaemonlessBuilder<BuildahSettings>.LocalName(request));
        Assert.Equal("oci:/repo/.release/registry/blue:sha-3f2c1a0", DaemonlessBuilder<BuildahSettings>.Destination(request));
    }

    [Fact]
    public void Docker_unit_build_passes_the_commit_time_as_SOURCE_DATE_EPOCH_and_pushes_the_tag()
    {
        var request = Request("registry.example.com/acme", platform: null);
        var tag = DockerBuilder.Tag(request);

        Assert.Equal(
            "build --build-arg \"SOURCE_DATE_EPOCH=1737367440\" --build-arg \"NODE_VERSION=22\" " +
            "--label \"org.opencontainers.image.created=2025-01-20T10:04:00Z\" --label \"org.opencontainers.image.revision=3f2c1a0b4d5e6f708192a3b4c5d6e7f8091a2b3c\" " +
            "--label \"org.opencontainers.image.source=https://github.com/acme/shop.git\" " +
            "--file \"/src/projects/blue/Dockerfile\" --tag \"registry.example.com/acme/blue:sha-3f2c1a0\" \"/src/projects/blue\"",
            Render(DockerBuilder.BuildArguments(request, tag)));
        Assert.Equal("push \"registry.example.com/acme/blue:sha-3f2c1a0\"", Render(DockerBuilder.PushArguments(tag)));
    }

    [Fact]
    public void Docker_unit_the_digest_is_read_from_the_push_report()
    {
        var digest = "sha256:" + new string('a', 64);

        Assert.Equal(digest, DockerBuilder.PushedDigest(["The push refers to repository [registry.example.com/acme/blue]", "5f70bf18a086: Pushed", $"sha-3f2c1a0: digest: {digest} size: 528"]));
        Assert.Null(DockerBuilder.PushedDigest(["denied: requested access to the resource is denied"]));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_auth_file_holds_the_credential_for_the_owner_only_and_is_gone_afterwards()
    {
        var target = ImageReference.Parse("registry.example.com/acme/blue:sha-3f2c1a0");
        var environment = new Dictionary<string, string> { ["REGISTRY_USERNAME"] = "ci", ["REGISTRY_PASSWORD"] = "pw-123" };
        string path;
        using (var auth = RegistryAuthFile.For(target, name => environment.GetValueOrDefault(name))!)
        {
            path = auth.Path;
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(auth.Folder));
            Assert.Equal("""{"auths":{"registry.example.com":{"auth":"Y2k6cHctMTIz"}}}""", File.ReadAllText(path));
        }

        Assert.False(File.Exists(path));
        Assert.Null(RegistryAuthFile.For(target, name => name == "DOCKER_CONFIG" ? "/nonexistent" : null));
    }

    [Theory]
    [InlineData("https://bot:ghp_token@github.com/acme/shop.git", "https://github.com/acme/shop.git")]
    [InlineData("https://github.com/acme/shop", "https://github.com/acme/shop")]
    [InlineData("git@github.com:acme/shop.git", "https://github.com/acme/shop")]
    [InlineData("ssh://git@gitlab.example.com:2222/acme/shop.git", "https://gitlab.example.com:2222/acme/shop.git")]
    [InlineData("/srv/git/shop.git", "/srv/git/shop.git")]
    public void The_source_label_never_carries_credentials(string remote, string label)
    {
        Assert.Equal(label, ImageLabels.SourceUrl(remote));
    }

    [Fact]
    public void Build_order_puts_a_service_after_the_service_it_depends_on()
    {
        ServiceConfig Service(string name, params string[] dependsOn) => new() { Name = name, Path = $"projects/{name}", Image = name, DependsOn = dependsOn };

        var waves = BuildOrder.Waves([Service("red", "yellow"), Service("blue", "libs/payments"), Service("yellow")]);

        Assert.Equal([["blue", "yellow"], ["red"]], waves.Select(w => w.Select(s => s.Name).ToArray()).ToArray());
    }
}
