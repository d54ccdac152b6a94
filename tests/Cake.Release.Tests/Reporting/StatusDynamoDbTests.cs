using System.Text.Json;
using Cake.Release.Tests.Fragments;
using Cake.Release.Tests.Infrastructure;
using Cake.Release.Tests.Yaml;

namespace Cake.Release.Tests.Reporting;

/// <summary>
/// <c>Status --source=dynamodb</c> as a platform engineer runs it: the real pipeline process, no release.yaml, the
/// table named with <c>--table</c>, dynalite reached through the AWS SDK's own variables.
/// </summary>
public sealed class StatusDynamoDbTests : IDisposable
{
    private readonly Dynalite _dynalite = Dynalite.Start();
    private readonly TempFolder _folder = new();

    public StatusDynamoDbTests()
    {
        using var client = _dynalite.Client();
        ReleaseRecordSeed.PutAsync(client).GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _dynalite.Dispose();
        _folder.Dispose();
    }

    private ProcessResult Status(params string[] args) =>
        ReleasePipeline.RunIn(_folder.Path, new Dictionary<string, string>(_dynalite.Environment), ["--target=Status", "--source=dynamodb", .. args]);

    [Fact]
    public void The_table_shows_every_repository_with_repository_and_kind_columns_and_explains_the_incomplete_cell()
    {
        var run = Status("--table=ReleaseFragments");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"repository\s+kind\s+service\s+dev\s+staging\s+production\s+prod", run.Output);
        Assert.Matches(@"github\.com/acme/shop\s+frontend\s+web\s+1\.4\.0 .*1\.3\.0 \w+ \d+d \[behind, incomplete\]", run.Output);
        Assert.Contains("github.com/acme/shop/web in production: incomplete: 1.4.0 is in production for github.com/acme/shop/api, not here", run.Output, StringComparison.Ordinal);
        Assert.Contains("gitlab.example.com/pay/ledger", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Dynalite.SecretKey, run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Filters_by_kind_and_environment_narrow_the_json_and_each_fragment_names_its_repository()
    {
        var output = Path.Combine(_folder.Path, "status.json");

        var run = Status("--table=ReleaseFragments", "--kind=frontend", "--env=production", "--format=json", $"--output={output}");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(File.ReadAllText(output));
        var fragment = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(
            ("github.com/acme/shop/web", ReleaseRecordSeed.Shop, "frontend", "web", "production", "1.3.0"),
            (fragment.GetProperty("component").GetString(), fragment.GetProperty("repository").GetString(), fragment.GetProperty("kind").GetString(),
             fragment.GetProperty("service").GetString(), fragment.GetProperty("environment").GetString(), fragment.GetProperty("version").GetString()));
        Assert.Equal(["behind", "incomplete"], fragment.GetProperty("drift").EnumerateArray().Select(d => d.GetString()));
        Assert.StartsWith("incomplete: 1.4.0 is in production", fragment.GetProperty("incomplete").GetString(), StringComparison.Ordinal);

        var byRepositoryAndVersion = Status("--table=ReleaseFragments", "--repository=" + ReleaseRecordSeed.Ledger, "--version=2.0.0", "--format=markdown");
        Assert.True(byRepositoryAndVersion.ExitCode == 0, byRepositoryAndVersion.ToString());
        Assert.Contains("| gitlab.example.com/pay/ledger | kafka | ledger-events |", byRepositoryAndVersion.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("| backend |", byRepositoryAndVersion.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--kind=database", "Status: --kind=database names no kind of the release status; known: backend, frontend, infra, k8s, kafka.")]
    [InlineData("--env=qa", "Status: --env=qa names no env of the release status; known: dev, prod, production, staging.")]
    [InlineData("--repository=github.com/acme/nope", "Status: --repository=github.com/acme/nope names no repository of the release status; known: github.com/acme/shop, gitlab.example.com/pay/ledger.")]
    public void An_unknown_filter_value_is_one_line_naming_the_known_ones(string filter, string line)
    {
        var run = Status("--table=ReleaseFragments", filter);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Error: " + line, run.ErrorLines);
    }

    [Fact]
    public void Without_a_table_to_read_the_run_says_how_to_name_one_or_how_one_comes_to_exist()
    {
        var none = Status();
        Assert.NotEqual(0, none.ExitCode);
        Assert.Contains(none.ErrorLines, l => l.Contains("Status --source=dynamodb: no ", StringComparison.Ordinal) && l.Contains("pass --table=ReleaseFragments", StringComparison.Ordinal));

        var absent = Status("--table=Elsewhere");
        Assert.NotEqual(0, absent.ExitCode);
        Assert.Contains($"Error: Status: no release record at Elsewhere (endpoint {_dynalite.Endpoint}): run PublishRelease in a repository with publish: in release.yaml, or name the table with --table=<name>.", absent.ErrorLines);
    }
}
