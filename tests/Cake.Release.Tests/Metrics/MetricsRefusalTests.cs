using Cake.Release.Tests.Infrastructure;
using Cake.Release.Tests.Yaml;

namespace Cake.Release.Tests.Metrics;

/// <summary>
/// Metrics through the pipeline process on a monorepo whose GitOps branches do not exist yet: bad input is one line
/// naming the argument and the fix, exit 1 and no file; no history is an empty report, not a failure.
/// </summary>
public sealed class MetricsRefusalTests : IDisposable
{
    private readonly GitRemote _remote = Monorepo.Create();
    private readonly string _clone;
    private readonly TempFolder _temp = new();

    public MetricsRefusalTests() => _clone = _remote.Clone();

    public void Dispose()
    {
        _temp.Dispose();
        _remote.Dispose();
    }

    private ProcessResult Metrics(params string[] args) =>
        ReleasePipeline.RunIn(_clone, new Dictionary<string, string> { ["GIT_CONFIG_NOSYSTEM"] = "1" }, ["--target=Metrics", "--format=json", $"--output={Path.Combine(_temp.Path, "metrics.json")}", .. args]);

    [Theory]
    [InlineData("--service=bleu", "there is no service \"bleu\"; did you mean blue?")]
    [InlineData("--env=prod", "there is no environment \"prod\"; did you mean production?")]
    [InlineData("--window=30days", "--window=30days is not a duration: pass days, hours or minutes, e.g. --window=30d, 12h or 1d12h.")]
    [InlineData("--window=0", "--window=0 is not a duration: pass days, hours or minutes, e.g. --window=30d, 12h or 1d12h.")]
    [InlineData("--since=yesterday", "--since=yesterday is not an ISO 8601 date: pass e.g. --since=2026-11-01 or --since=2026-11-01T12:00:00Z.")]
    [InlineData("--since=2026-11-08 --until=2026-11-01", "Metrics: --since=2026-11-08T00:00:00Z is not before --until=2026-11-01T00:00:00Z; pass a --since earlier than --until (or leave --until out for now).")]
    [InlineData("--since=2026-11-01 --window=7d", "Metrics: --since and --window both set the window's start; pass one of them")]
    [InlineData("--format=csv", "--format=csv is unknown: use --format=table, markdown, json or html.")]
    public void Bad_input_is_refused_on_one_line_and_writes_nothing(string arguments, string message)
    {
        var run = Metrics(arguments.Split(' '));

        Assert.Equal(1, run.ExitCode);
        var errors = run.All.Split('\n').Where(l => l.StartsWith("Error:", StringComparison.Ordinal)).ToList();
        var error = Assert.Single(errors);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public void No_history_is_a_table_that_says_so()
    {
        var run = ReleasePipeline.RunIn(_clone, new Dictionary<string, string> { ["GIT_CONFIG_NOSYSTEM"] = "1" }, "--target=Metrics", "--window=7d");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("No deployments in the window", run.Output);
        Assert.Matches(@"production +\(all\) +0 +0 +- +- +- +-", run.Output);
        Assert.Contains("production: 0 deployments (0 per week)", run.Output);
    }

    [Fact]
    public void A_dry_run_writes_no_file()
    {
        var run = Metrics("--dryrun");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Dry run: the metrics (0 changes in", run.Output);
        Assert.Empty(Directory.GetFiles(_temp.Path));
    }
}
