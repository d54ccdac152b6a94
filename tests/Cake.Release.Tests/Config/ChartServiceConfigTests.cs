using Cake.Release.Config;

namespace Cake.Release.Tests.Config;

/// <summary>
/// A service that is a chart without an image (<c>image: false</c>), and <c>updates:</c> that say which services
/// they are written for (<c>for:</c>), read from release.yaml on a real folder.
/// </summary>
public sealed class ChartServiceConfigTests : IDisposable
{
    private readonly ConfigRepository _repository = new();

    public ChartServiceConfigTests() => Directory.CreateDirectory(Path.Combine(_repository.Root, "charts/payments"));

    public void Dispose() => _repository.Dispose();

    // Line numbers (without updates): 7 blue, 10 payments, 11 path, 12 image, 13 chart.
    private static string Config(string payments = "    chart: charts/payments\n", string updates = "") => $"""
        version: 1
        environments:
          dev:
            branch: gitops/dev
            auto: true
        {updates}services:
          blue:
            path: projects/blue
            image: blue
          payments:
            path: charts/payments
            image: false
        {payments}
        """;

    [Fact]
    public void Image_false_makes_a_chart_only_service_that_claims_no_image()
    {
        var config = _repository.Parse(Config().Replace("    image: blue\n", "    image: payments\n", StringComparison.Ordinal));

        var payments = config.Service("payments");
        Assert.True(payments.ChartOnly);
        Assert.Equal("charts/payments", payments.Chart);
        Assert.False(config.Service("blue").ChartOnly);
    }

    [Fact]
    public void A_quoted_false_is_an_image_repository_of_that_name()
    {
        var config = _repository.Parse(Config().Replace("    image: false\n", "    image: 'false'\n", StringComparison.Ordinal));

        Assert.False(config.Service("payments").ChartOnly);
        Assert.Equal("false", config.Service("payments").Image);
    }

    [Fact]
    public void A_chart_only_service_needs_a_chart()
    {
        Assert.Equal("release.yaml:12: services.payments.image is false, so the service is a chart without an image, but it names no chart; add chart: <folder holding Chart.yaml>, e.g. chart: charts/payments",
            _repository.Refusal(Config(payments: "")));
    }

    [Fact]
    public void A_chart_only_service_takes_no_build_keys()
    {
        Assert.Equal("release.yaml:14: services.payments.dockerfile describes an image build, but services.payments.image is false (a chart without an image); remove dockerfile:, or give the service an image",
            _repository.Refusal(Config(payments: "    chart: charts/payments\n    dockerfile: Dockerfile\n")));
    }

    [Fact]
    public void Updates_are_for_images_by_default_and_say_for_charts_or_all()
    {
        var config = _repository.Parse(Config(updates: """
                updates:
                  - kustomize: k8s/overlays/production
                  - file: environments/{env}/argocd-applications.yaml
                    path: "[metadata.name={service}-{env}].spec.source.targetRevision"
                    value: "{service}/chart-{version}"
                    for: charts
                  - file: values.yaml
                    path: "{service}.version"
                    for: all

            """));

        var (payments, blue) = (config.Service("payments"), config.Service("blue"));
        var updates = config.Environment("dev").Updates;
        Assert.Equal([true, false, true], updates.Select(u => u.AppliesTo(blue)));
        Assert.Equal([false, true, true], updates.Select(u => u.AppliesTo(payments)));
        var pin = Assert.IsType<FileValueUpdate>(updates[1]);
        Assert.Equal("environments/dev/argocd-applications.yaml", pin.FileFor(new TemplateValues { Service = "payments", Environment = "dev" }));
        Assert.Equal("[metadata.name=payments-dev].spec.source.targetRevision", pin.Path.Render(new TemplateValues { Service = "payments", Environment = "dev" }));
    }

    [Fact]
    public void A_kustomize_update_cannot_be_for_charts()
    {
        var refusal = _repository.Refusal(Config(updates: "    updates:\n      - kustomize: k8s/overlays/production\n        for: charts\n"));

        Assert.StartsWith("release.yaml:8: environments.dev.updates[0].for is charts, but a kustomize update writes images: entries, which only services with an image have;", refusal);
    }

    [Fact]
    public void An_unknown_for_is_refused_with_the_choices()
    {
        Assert.Equal("release.yaml:9: environments.dev.updates[0].for \"chart\" is not a kind of service; write for: images (the default), for: charts (services with image: false) or for: all",
            _repository.Refusal(Config(updates: "    updates:\n      - file: values.yaml\n        path: a\n        for: chart\n")));
    }

    [Fact]
    public void A_bad_placeholder_in_a_file_is_refused_at_load()
    {
        Assert.Contains("environments.dev.updates[0].file \"environments/{envs}/a.yaml\"",
            _repository.Refusal(Config(updates: "    updates:\n      - file: environments/{envs}/a.yaml\n        path: a\n")));
    }
}
