using System.Text.Json;
using System.Text.RegularExpressions;
using Cake.Release.Tests.Infrastructure;
using Cake.Release.Tests.Yaml;

namespace Cake.Release.Tests.Reporting;

/// <summary>The Status target in every format, run as a pipeline process on <see cref="StatusHistory"/>.</summary>
[Collection(StatusHistoryCollection.Name)]
public sealed class StatusTests(StatusHistory history) : IDisposable
{
    private static readonly string[] Environments = ["dev", "staging", "production"];
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Short(string digest) => digest["sha256:".Length..][..12];

    private ProcessResult Status(params string[] args) => history.World.Run(["--target=Status", .. args]);

    private ProcessResult Status(IDictionary<string, string> environment, params string[] args) => history.World.Run(environment, ["--target=Status", .. args]);

    [Fact]
    public void Table_has_a_column_per_environment_in_chain_order_and_marks_the_drift()
    {
        var run = Status();

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n').Select(l => l.TrimEnd()).ToList();
        var header = lines.Single(l => l.StartsWith("service ", StringComparison.Ordinal));
        Assert.Equal(["service", "dev", "staging", "production"], header.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        var blue = history.Entry("production", "blue");
        var blueRow = lines.Single(l => l.StartsWith("blue ", StringComparison.Ordinal));
        Assert.Matches($@"{Regex.Escape(blue.Version)} {Short(blue.Digest!)} \d+m \[behind\]$", blueRow);
        var greenRow = lines.Single(l => l.StartsWith("green ", StringComparison.Ordinal));
        Assert.Matches($@"1\.0\.0 {Short(history.Entry("production", "green").Digest!)} \d+m \[digest-mismatch\]$", greenRow);
        var yellowRow = lines.Single(l => l.StartsWith("yellow ", StringComparison.Ordinal));
        Assert.Matches(@"\d+m +- \[behind\] +-$", yellowRow);
        var red = history.Entry("staging", "red");
        var redRow = lines.Single(l => l.StartsWith("red ", StringComparison.Ordinal));
        Assert.Matches($@"{Regex.Escape(red.Version)} {Short(red.Digest!)} \d+m \[behind\] +- \[behind\]$", redRow);
        Assert.Contains(lines, l => l.StartsWith("behind: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("digest-mismatch: ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("unverified: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Service_arguments_limit_the_rows()
    {
        var run = Status("--service=red", "--service=blue");

        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = run.Output.Split('\n').Where(l => ShopMonorepo.Services.Any(s => l.StartsWith(s + " ", StringComparison.Ordinal))).Select(l => l.Split(' ')[0]).ToList();
        Assert.Equal(["blue", "red"], rows);
    }

    [Fact]
    public void Markdown_goes_to_the_log_and_to_the_job_summary_on_GitHub_Actions()
    {
        var summary = Path.Combine(_temp.Path, "summary.md");
        File.WriteAllText(summary, "## earlier step\n\n");

        var run = Status(new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary }, "--format=markdown");

        Assert.True(run.ExitCode == 0, run.ToString());
        var text = File.ReadAllText(summary);
        Assert.StartsWith("## earlier step\n\n### Release status\n", text, StringComparison.Ordinal);
        Assert.Contains("| service | dev | staging | production |\n| --- | --- | --- | --- |\n", text);
        var green = history.Entry("production", "green");
        var greenRow = text.Split('\n').Single(l => l.StartsWith("| green |", StringComparison.Ordinal));
        Assert.Matches($@"\| {Regex.Escape(green.Version)} {Short(green.Digest!)} \d+m \[digest-mismatch\] \|$", greenRow);
        Assert.Contains("| yellow |", text);
        Assert.Contains("- behind: ", text);
        Assert.Contains("| service | dev | staging | production |", run.Output);
        Assert.Contains("Added the matrix to the job summary.", run.Output);
    }

    [Fact]
    public void Markdown_outside_GitHub_Actions_writes_no_summary()
    {
        var summary = Path.Combine(_temp.Path, "summary.md");

        var run = Status(new Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = summary }, "--format=markdown");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.False(File.Exists(summary));
        Assert.Contains("| service | dev | staging | production |", run.Output);
    }

    [Fact]
    public void Json_is_one_release_fragment_per_service_and_environment_where_it_runs()
    {
        var file = Path.Combine(_temp.Path, "out", "status.json");

        var run = Status("--format=json", $"--output={file}");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(file, run.Output);
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        var fragments = json.RootElement.EnumerateArray().ToList();

        // Environment chain first, then service name; only where the service runs.
        var expected = Environments.SelectMany(e => history.Manifests[e].Services.Keys.Order(StringComparer.Ordinal).Select(s => (s, e))).ToList();
        Assert.Equal(["dev", "dev", "dev", "dev", "staging", "staging", "staging", "production", "production"], expected.Select(x => x.e));
        Assert.Equal(expected, fragments.Select(f => (f.GetProperty("component").GetString()!, f.GetProperty("environment").GetString()!)));

        foreach (var fragment in fragments)
        {
            Assert.Equal(["component", "environment", "version", "commit", "digest", "date", "image", "by", "drift"], fragment.EnumerateObject().Select(p => p.Name));
            var (service, environment) = (fragment.GetProperty("component").GetString()!, fragment.GetProperty("environment").GetString()!);
            var entry = history.Entry(environment, service);
            Assert.Equal(entry.Version, fragment.GetProperty("version").GetString());
            Assert.Equal(entry.Commit, fragment.GetProperty("commit").GetString());
            Assert.Matches("^[0-9a-f]{40}$", fragment.GetProperty("commit").GetString());
            Assert.Equal(entry.Digest, fragment.GetProperty("digest").GetString());
            Assert.Equal(entry.Deployed.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), fragment.GetProperty("date").GetString());
            Assert.Equal($"{history.World.Registry.Host}/acme/{service}", fragment.GetProperty("image").GetString());
            Assert.Equal(entry.By, fragment.GetProperty("by").GetString());
            Assert.True(
                StatusHistory.Drift(service, environment).SequenceEqual(fragment.GetProperty("drift").EnumerateArray().Select(d => d.GetString()!)),
                $"{service} in {environment}: {fragment}");
        }

        // Yellow does not run in staging: no fragment, although its cell is marked behind.
        Assert.DoesNotContain(fragments, f => f.GetProperty("component").GetString() == "yellow" && f.GetProperty("environment").GetString() == "staging");
        Assert.NotEqual(history.GreenTagDigest, history.Entry("production", "green").Digest);
    }

    [Fact]
    public void Json_goes_to_artifacts_next_to_release_yaml_by_default_and_a_dry_run_writes_nothing()
    {
        var file = Path.Combine(history.World.Clone, "artifacts", "status.json");
        if (File.Exists(file))
        {
            File.Delete(file);
        }

        var dry = Status("--format=json", "--dryrun");
        Assert.True(dry.ExitCode == 0, dry.ToString());
        Assert.False(File.Exists(file));
        Assert.Contains($"would be written to {file}", dry.Output);

        var run = Status("--format=json");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"to {file}", run.Output);
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        Assert.Equal(9, json.RootElement.GetArrayLength());
    }

    [Fact]
    public void Html_is_one_self_contained_page_with_the_drift_highlighted()
    {
        var file = Path.Combine(_temp.Path, "status.html");

        var run = Status("--format=html", $"--output={file}");

        Assert.True(run.ExitCode == 0, run.ToString());
        var html = File.ReadAllText(file);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" src=", html, StringComparison.Ordinal);
        Assert.Contains("<td data-env=\"production\" data-drift=\"behind\" class=\"cell drift behind\"", html);
        Assert.Contains("<td data-env=\"production\" data-drift=\"digest-mismatch\" class=\"cell drift digest-mismatch\"", html);
        Assert.Contains("<td data-env=\"staging\" data-drift=\"behind\" class=\"cell absent drift behind\"", html);
        Assert.Contains($"<code class=\"digest\">{Short(history.Entry("dev", "blue").Digest!)}</code>", html);
        Assert.Contains("<select id=\"env\"", html);
        Assert.Contains("<select id=\"service\"", html);
        Assert.Contains("<input type=\"checkbox\" id=\"drift\"", html);
    }

    [Fact]
    public void An_unknown_format_is_refused_on_one_line_naming_the_accepted_ones()
    {
        var run = Status("--format=xml", $"--output={Path.Combine(_temp.Path, "status.xml")}");

        Assert.Equal(1, run.ExitCode);
        var errors = run.All.Split('\n').Where(l => l.StartsWith("Error:", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Error: --format=xml is unknown: use --format=table, markdown, json or html."], errors);
        Assert.Empty(Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public void An_unknown_service_is_refused_naming_the_closest()
    {
        var run = Status("--service=bleu");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("there is no service \"bleu\"; did you mean blue?", run.All);
    }
}
