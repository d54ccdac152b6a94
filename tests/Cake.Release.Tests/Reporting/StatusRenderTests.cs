using System.Text.Json;
using Cake.Release.Config;
using Cake.Release.Manifests;
using Cake.Release.Reporting;

namespace Cake.Release.Tests.Reporting;

/// <summary>The renderers on a hand-made matrix: escaping, empty values, alignment and legends.</summary>
public sealed class StatusRenderTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 20, 12, 0, 0, TimeSpan.Zero);

    private static ReleaseStatus Matrix(ManifestEntry stagingBlue, ManifestEntry? productionBlue = null)
    {
        IReadOnlyList<EnvironmentConfig> chain =
        [
            new() { Name = "staging", Branch = "gitops/staging-releases" },
            new() { Name = "production", Branch = "gitops/production-releases", From = "staging" },
        ];
        var manifests = new Dictionary<string, EnvironmentManifest?>
        {
            ["staging"] = EnvironmentManifest.Empty("staging").WithEntry("blue", stagingBlue),
            ["production"] = productionBlue is null ? null : EnvironmentManifest.Empty("production").WithEntry("blue", productionBlue),
        };
        return StatusMatrix.Build(chain, ["blue", "green"], manifests, new Dictionary<(string, string), VersionTagReading>(), Now);
    }

    private static ManifestEntry Hostile => new(
        "1.0.0-rc.1", "reg.example.com/acme/blue\"><script>alert(1)</script>", null, null, Now.AddHours(-5), "<img src=x onerror=alert(2)>", "dev&qa");

    [Fact]
    public void Html_escapes_everything_taken_from_the_manifests()
    {
        var html = StatusHtml.Render(Matrix(Hostile));

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", html);
        Assert.Contains("from dev&amp;qa", html);
        Assert.Equal(1, html.Split("<script>").Length - 1);
        Assert.Contains("<code class=\"digest\">no digest</code>", html);
    }

    [Fact]
    public void Json_writes_null_for_what_the_manifest_left_out_and_keeps_the_key_order()
    {
        var json = StatusJson.Render(Matrix(Hostile));

        using var document = JsonDocument.Parse(json);
        var fragment = Assert.Single(document.RootElement.EnumerateArray());
        Assert.Equal(["component", "environment", "version", "commit", "digest", "date", "image", "by", "drift"], fragment.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, fragment.GetProperty("commit").ValueKind);
        Assert.Equal(JsonValueKind.Null, fragment.GetProperty("digest").ValueKind);
        Assert.Equal("2025-01-20T07:00:00Z", fragment.GetProperty("date").GetString());
        Assert.Equal("<img src=x onerror=alert(2)>", fragment.GetProperty("by").GetString());
        Assert.EndsWith("]\n", json, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_history_is_an_empty_array_and_a_table_of_dashes()
    {
        var status = StatusMatrix.Build(
            [new EnvironmentConfig { Name = "dev", Branch = "gitops/dev" }], ["blue"], new Dictionary<string, EnvironmentManifest?>(), new Dictionary<(string, string), VersionTagReading>(), Now);

        Assert.Equal("[]\n", StatusJson.Render(status));
        Assert.Equal("service  dev\n-------  ---\nblue     -\n", StatusTable.Render(status));
    }

    [Fact]
    public void The_table_aligns_its_columns_and_explains_only_the_marks_it_shows()
    {
        var digest = "sha256:" + new string('a', 64);
        var status = Matrix(
            new ManifestEntry("2.0.0", "r/blue", digest, null, Now.AddMinutes(-12)),
            new ManifestEntry("1.9.0", "r/blue", "sha256:" + new string('b', 64), null, Now.AddDays(-3)));

        Assert.Equal(
            "service  staging                 production\n" +
            "-------  ----------------------  ------------------------------\n" +
            "blue     2.0.0 aaaaaaaaaaaa 12m  1.9.0 bbbbbbbbbbbb 3d [behind]\n" +
            "green    -                       -\n" +
            "\n" +
            $"behind: {DriftMarks.Meaning(DriftMark.Behind)}\n",
            StatusTable.Render(status));
        Assert.Contains("| blue | 2.0.0 aaaaaaaaaaaa 12m | 1.9.0 bbbbbbbbbbbb 3d [behind] |", StatusMarkdown.Render(status));
    }
}
