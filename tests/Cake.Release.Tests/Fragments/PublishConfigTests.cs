using Cake.Release.Tests.Config;

namespace Cake.Release.Tests.Fragments;

/// <summary>publish: and kind: in release.yaml: read, defaulted, and refused with one line when they could not name an item.</summary>
public sealed class PublishConfigTests : IDisposable
{
    private readonly ConfigRepository _repository = new();

    public void Dispose() => _repository.Dispose();

    private static string Config(string publish = "", string blue = "") => $"""
        version: 1
        environments:
          dev:
            branch: gitops/dev
            auto: true
        services:
          blue:
            path: projects/blue
        {blue}  green:
            path: projects/green
            image: false
            chart: helm/charts/blue
        {publish}
        """;

    [Fact]
    public void Publish_is_read_with_its_defaults_and_kinds_default_to_backend_and_infra_for_a_chart_without_an_image()
    {
        var config = _repository.Parse(Config("publish:\n  region: eu-central-1\n  repository: github.com/acme/shop\n", "    kind: frontend\n"));

        Assert.Equal(("ReleaseFragments", "eu-central-1", "github.com/acme/shop"), (config.Publish!.Table, config.Publish.Region, config.Publish.Repository));
        Assert.Equal(["frontend", "infra"], config.Services.Select(s => s.Kind));
        Assert.Null(_repository.Parse(Config()).Publish);
        Assert.Equal(["backend", "infra"], _repository.Parse(Config()).Services.Select(s => s.Kind));
    }

    [Theory]
    [InlineData("publish:\n  dynamodb: \"release fragments\"\n", "release.yaml:14: publish.dynamodb \"release fragments\" is not a DynamoDB table name; use 3 to 255 letters, digits, _ - or ., e.g. ReleaseFragments")]
    [InlineData("publish:\n  repository: \"github.com/acme/shop#main\"\n", "release.yaml:14: publish.repository \"github.com/acme/shop#main\" cannot name a repository in the table (no spaces, # or @); write e.g. github.com/acme/shop")]
    [InlineData("publish:\n  repository: git@github.com:acme/shop\n", "release.yaml:14: publish.repository \"git@github.com:acme/shop\" cannot name a repository in the table (no spaces, # or @); write e.g. github.com/acme/shop")]
    [InlineData("publish:\n  region: EU-Central-1\n", "release.yaml:14: publish.region \"EU-Central-1\" is not an AWS region; write e.g. eu-central-1, or leave it out to use AWS_REGION")]
    [InlineData("publish:\n  table: ReleaseFragments\n", "release.yaml:14: publish.table is not a key of publish; the keys here are dynamodb, region, repository")]
    public void A_publish_value_that_cannot_name_an_item_is_refused_with_one_line(string publish, string error) =>
        Assert.Equal(error, _repository.Refusal(Config(publish)));

    [Fact]
    public void An_unknown_kind_is_refused_with_the_kinds_the_record_knows() =>
        Assert.Equal("release.yaml:9: services.blue.kind \"lambda\" is not a kind of component the release record knows; write one of backend, frontend, kafka, infra, k8s",
            _repository.Refusal(Config(blue: "    kind: lambda\n")));

    [Theory]
    [InlineData("blue#x")]
    [InlineData("blue@prod")]
    public void A_service_name_with_a_key_separator_is_refused_so_it_cannot_break_a_sort_key(string name) =>
        Assert.Contains("is not a valid name", _repository.Refusal(Config().Replace("  blue:\n", $"  \"{name}\":\n")));
}
