using System.Text.Json;
using Cake.Release.Changes;
using Cake.Release.Reporting;

namespace Cake.Release.Tests.Changes;

public sealed class ChangeSetOutputTests
{
    private const string Head = "3f2c1a0b9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a";
    private const string Base = "0123456789abcdef0123456789abcdef01234567";

    private static readonly ChangeSet Changes = new(
        Head,
        ChangeMode.Mixed,
        [
            new ChangedService("blue", Base, BaseSource.Manifest, [ChangeReason.OnPath("libs/payments", [new ChangedFile(FileChangeStatus.Renamed, "libs/payments/b.cs", "libs/payments/a.cs")])]),
            new ChangedService("red", null, BaseSource.None, [ChangeReason.NoBase("dev runs 9999999, which is no longer in the history")]),
        ],
        ["green"],
        [new ChangedFile(FileChangeStatus.Modified, "docs/README.md")]);

    [Fact]
    public void Changed_json_carries_head_mode_bases_reasons_and_the_rest()
    {
        using var json = JsonDocument.Parse(ChangeSetJson.Write(Changes));
        var root = json.RootElement;

        Assert.Equal(Head, root.GetProperty("head").GetString());
        Assert.Equal("mixed", root.GetProperty("mode").GetString());
        var blue = root.GetProperty("services")[0];
        Assert.Equal(("blue", Base, "manifest"), (blue.GetProperty("service").GetString(), blue.GetProperty("base").GetString(), blue.GetProperty("baseSource").GetString()));
        var reason = blue.GetProperty("reasons")[0];
        Assert.Equal(("depends-on-path", "libs/payments"), (reason.GetProperty("kind").GetString(), reason.GetProperty("dependsOn").GetString()));
        var file = reason.GetProperty("files")[0];
        Assert.Equal(("renamed", "libs/payments/b.cs", "libs/payments/a.cs"), (file.GetProperty("status").GetString(), file.GetProperty("path").GetString(), file.GetProperty("oldPath").GetString()));
        var red = root.GetProperty("services")[1];
        Assert.Equal(JsonValueKind.Null, red.GetProperty("base").ValueKind);
        Assert.Equal(("none", "no-base"), (red.GetProperty("baseSource").GetString(), red.GetProperty("reasons")[0].GetProperty("kind").GetString()));
        Assert.Equal(["green"], root.GetProperty("unchanged").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("docs/README.md", root.GetProperty("outside")[0].GetProperty("path").GetString());
    }

    [Fact]
    public void The_services_output_is_a_compact_json_array()
    {
        Assert.Equal("[\"blue\",\"red\"]", ChangeSummary.ServicesArray(Changes));
        Assert.Equal("[]", ChangeSummary.ServicesArray(Changes with { Services = [] }));
    }

    [Fact]
    public void The_step_summary_is_a_table_with_base_and_reasons()
    {
        var summary = ChangeSummary.Markdown(Changes, 3);

        Assert.Equal(
            """
            ### DetectChanged: 2 of 3 services changed at `3f2c1a0`

            | Service | Base | Why |
            | --- | --- | --- |
            | blue | 0123456 (deployed) | depends on libs/payments: libs/payments/a.cs → libs/payments/b.cs (renamed) |
            | red | (no base) | dev runs 9999999, which is no longer in the history |

            """.ReplaceLineEndings("\n"),
            summary);
    }

    [Fact]
    public void Markdown_cells_cannot_break_the_table()
    {
        Assert.Equal("| a \\| b | x<br>y |\n| --- | --- |\n| c | d |\n", MarkdownTable.Render(["a | b", "x\ny"], [["c", "d"]]));
    }
}
