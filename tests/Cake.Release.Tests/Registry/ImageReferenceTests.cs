using Cake.Release.Registry;

namespace Cake.Release.Tests.Registry;

public sealed class ImageReferenceTests
{
    [Theory]
    [InlineData("127.0.0.1:5000/acme/blue:1.6.0", "127.0.0.1:5000", "acme/blue", "1.6.0", null)]
    [InlineData("registry.example.com/acme/blue", "registry.example.com", "acme/blue", null, null)]
    [InlineData("localhost/blue:dev", "localhost", "blue", "dev", null)]
    [InlineData("nginx", "docker.io", "library/nginx", null, null)]
    [InlineData("acme/blue:stg", "docker.io", "acme/blue", "stg", null)]
    [InlineData("index.docker.io/acme/blue", "docker.io", "acme/blue", null, null)]
    [InlineData("[::1]:5000/blue:1", "[::1]:5000", "blue", "1", null)]
    [InlineData("ghcr.io/acme/blue:1.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "ghcr.io", "acme/blue", "1.0", "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("oci:.release/registry/blue:sha-3f2c1ab", "oci:.release/registry", "blue", "sha-3f2c1ab", null)]
    [InlineData("oci:/tmp/layouts/blue", "oci:/tmp/layouts", "blue", null, null)]
    public void Reads_every_part(string text, string registry, string repository, string? tag, string? digest)
    {
        var reference = ImageReference.Parse(text);

        Assert.Equal((registry, repository, tag, digest), (reference.Registry, reference.Repository, reference.Tag, reference.Digest));
    }

    [Theory]
    [InlineData("127.0.0.1:5000/acme/blue:1.6.0")]
    [InlineData("http://registry.internal:5000/acme/blue:1.6.0")]
    [InlineData("oci:.release/registry/blue:1.0")]
    [InlineData("docker.io/library/nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void Writes_what_it_reads(string text) => Assert.Equal(text, ImageReference.Parse(text).ToString());

    [Theory]
    [InlineData("127.0.0.1:5000/blue", true)]
    [InlineData("localhost:5000/blue", true)]
    [InlineData("[::1]:5000/blue", true)]
    [InlineData("registry.example.com/blue", false)]
    [InlineData("http://registry.example.com/blue", true)]
    [InlineData("127.example.com/blue", false)]
    public void Speaks_plain_HTTP_only_to_loopback_or_when_told(string text, bool plainHttp) =>
        Assert.Equal(plainHttp, ImageReference.Parse(text).UsesPlainHttp);

    [Fact]
    public void Docker_Hub_API_lives_on_registry_1() => Assert.Equal("registry-1.docker.io", ImageReference.Parse("nginx").ApiHost);

    [Fact]
    public void A_repository_under_a_release_yaml_registry()
    {
        Assert.Equal("http://127.0.0.1:5000/acme/blue", ImageReference.InRegistry("http://127.0.0.1:5000/acme/", "blue").ToString());
        Assert.Equal("oci:.release/registry/blue", ImageReference.InRegistry("oci:.release/registry", "blue").ToString());
    }

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("127.0.0.1:5000/Acme/Blue", "the repository 'Acme/Blue'")]
    [InlineData("127.0.0.1:5000/", "the repository is missing")]
    [InlineData("127.0.0.1:5000/blue:-1", "the tag '-1'")]
    [InlineData("127.0.0.1:5000/blue@sha256:abc", "the digest 'sha256:abc'")]
    [InlineData("registry:abc/blue", "the registry host 'registry:abc'")]
    [InlineData("oci:", "the layout folder is missing")]
    [InlineData("http://oci:x/blue", "http:// and oci: do not go together")]
    public void A_bad_reference_names_the_part_that_is_wrong(string text, string part)
    {
        var error = Assert.Throws<ReleaseException>(() => ImageReference.Parse(text));

        Assert.Contains($"Image reference '{text}': {part}", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
