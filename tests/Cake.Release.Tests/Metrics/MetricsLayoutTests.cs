using Cake.Release.Metrics;
using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Metrics;

/// <summary>
/// Which environment the four keys are read in, on a repository whose release.yaml names its own chain (qa → prod,
/// and a sandbox promoted from nothing): the end of the longest <c>from:</c> chain, unless <c>--env</c> says otherwise.
/// </summary>
public sealed class MetricsLayoutTests : IDisposable
{
    private const string ReleaseYaml = """
        version: 1
        registry: registry.example.com/acme
        environments:
          qa:
            branch: gitops/qa
            auto: true
          prod:
            branch: gitops/prod
            from: qa
          sandbox:
            branch: gitops/sandbox
        services:
          api:
            path: services/api
        """;

    private readonly GitRemote _remote = new(new Dictionary<string, string> { ["release.yaml"] = ReleaseYaml + "\n", ["services/api/app.txt"] = "api\n" });
    private readonly string _clone;

    public MetricsLayoutTests() => _clone = _remote.Clone();

    public void Dispose() => _remote.Dispose();

    private DeliveryReport Metrics(string? environment = null) => TestCake.Context().Metrics(new MetricsSettings
    {
        ConfigFile = Path.Combine(_clone, "release.yaml"),
        Environment = environment,
        Since = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
        Until = new DateTimeOffset(2026, 11, 8, 0, 0, 0, TimeSpan.Zero),
    });

    [Fact]
    public void The_end_of_the_longest_chain_is_production_and_environments_follow_the_chain()
    {
        var report = Metrics();

        // sandbox and prod are both ends of a chain; prod's (qa → prod) is the longer.
        Assert.Equal("prod", report.Production);
        Assert.Equal(["qa", "sandbox", "prod"], report.Environments);
        Assert.True(report.IsEmpty);
        Assert.Equal(["api"], report.Services);
    }

    [Fact]
    public void Env_names_another_environment_for_the_headline()
    {
        Assert.Equal("qa", Metrics("qa").Production);
    }
}
