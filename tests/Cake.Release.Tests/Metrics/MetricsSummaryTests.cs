using Cake.Release.Tests.Infrastructure;
using Cake.Release.Tests.Yaml;

namespace Cake.Release.Tests.Metrics;

/// <summary>
/// Markdown through the pipeline process on a hand-written history: in the log, and on GitHub Actions in the job
/// summary too, where a service named as a script tag arrives escaped.
/// </summary>
public sealed class MetricsSummaryTests : IDisposable
{
    private readonly HandWrittenHistory _history = new();
    private readonly TempFolder _temp = new();

    public MetricsSummaryTests()
    {
        var blue = _history.CommitOnMain("projects/blue/app.txt", "2026-11-01T08:00:00");
        _history.Write("production", "gitops/production-releases",
            ("promote(blue): 1.0.0 staging → production", [("blue", HandWrittenHistory.Entry("1.0.0", "2026-11-02T08:00:00", blue))]),
            ($"promote({HandWrittenHistory.Hostile}): 0.1.0 staging → production",
                [("blue", HandWrittenHistory.Entry("1.0.0", "2026-11-02T08:00:00", blue)), (HandWrittenHistory.Hostile, HandWrittenHistory.Entry("0.1.0", "2026-11-03T08:00:00", blue))]));
    }

    public void Dispose()
    {
        _temp.Dispose();
        _history.Dispose();
    }

    private ProcessResult Markdown(IDictionary<string, string> environment, params string[] more) =>
        ReleasePipeline.RunIn(_history.Clone, new Dictionary<string, string>(environment) { ["GIT_CONFIG_NOSYSTEM"] = "1" },
            ["--target=Metrics", "--format=markdown", "--since=2026-11-01", "--until=2026-11-08", .. more]);

    [Fact]
    public void On_GitHub_Actions_the_Markdown_is_appended_to_the_job_summary_with_names_escaped()
    {
        var summary = Path.Combine(_temp.Path, "summary.md");
        File.WriteAllText(summary, "## earlier step\n\n");

        var run = Markdown(new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary });

        Assert.True(run.ExitCode == 0, run.ToString());
        var text = File.ReadAllText(summary);
        Assert.StartsWith("## earlier step\n\n### Delivery metrics (DORA)\n", text, StringComparison.Ordinal);
        // blue 1.0.0: 11-01T08 → 11-02T08, a lead time of 1d; 1 deployment in 7 days is 1 a week.
        Assert.Contains("| production | blue | 1 | 1 | 1d | 1d | 0% (0/1) | - |\n", text);
        Assert.Contains("| production | &lt;script&gt;alert(1)&lt;/script&gt; | 1 | 1 | - | - | 0% (0/1) | - |\n", text);
        Assert.DoesNotContain("<script", text, StringComparison.Ordinal);
        Assert.Contains("Added the metrics to the job summary.", run.Output);
    }

    [Fact]
    public void Elsewhere_or_in_a_dry_run_no_summary_is_written()
    {
        var summary = Path.Combine(_temp.Path, "summary.md");

        var outside = Markdown(new Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = summary, ["GITHUB_ACTIONS"] = "" });
        var dry = Markdown(new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary }, "--dryrun");

        Assert.True(outside.ExitCode == 0, outside.ToString());
        Assert.Contains("### Delivery metrics (DORA)", outside.Output);
        Assert.Contains("Dry run: the metrics would be added to the job summary.", dry.Output);
        Assert.False(File.Exists(summary));
    }
}
