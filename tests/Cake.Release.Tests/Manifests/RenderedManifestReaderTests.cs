using Cake.Release.Manifests;

namespace Cake.Release.Tests.Manifests;

// The line reader must answer what the YAML reader answers (YamlDotNet, through ManifestReader) or not answer at all.
public sealed class RenderedManifestReaderTests
{
    private static readonly DateTimeOffset When = new(2026, 12, 7, 18, 4, 5, TimeSpan.Zero);

    // Values a user or a forge can put in a manifest: YAML 1.1 words, numbers, indicators, quotes, escapes, line
    // breaks YAML knows beyond LF, and text outside ASCII.
    public static TheoryData<string> Awkward => new()
    {
        "null", "Null", "~", "true", "yes", "off", "1.0", "007", "-1", "+x", ".5", "1e3", "a:", "a: b", "a:b", "#x", "a #b",
        "", " lead", "trail ", "é", "日本", "🚀", "\u2028", "\u2029", "\u0085", "\uFEFFbom", "tab\there", "quote\"d",
        "back\\slash", "'single'", "[x]", "{y}", "*a", "&b", "!tag", "%x", "@x", "`x", "|", ">", "?", "-", "- x", "a\nb",
        "a\r\nb", "sha256:" + new string('0', 64), "registry.example.com:5000/team/svc", "ci@example.com", "@alice", ":x", "=x", "/x",
    };

    [Theory]
    [MemberData(nameof(Awkward))]
    public void Reads_what_the_YAML_reader_reads_or_leaves_it_to_it(string value)
    {
        var manifest = EnvironmentManifest.Empty("dev")
            .WithEntry("svc", new ManifestEntry(value, value, value, value, When, value, value, value))
            .WithEntry(value.Length == 0 ? "empty" : value, new ManifestEntry("1.0.0", "registry.example.com/a", null, null, When, By: value));
        var text = manifest.Render();

        var fast = RenderedManifestReader.TryRead(text);
        var full = ManifestReader.Read(text, "test");

        if (fast is not null)
        {
            Assert.Equal(full.Environment, fast.Environment);
            Assert.Equal(full.Services, fast.Services);
            Assert.Equal(full.Render(), fast.Render());
        }

        Assert.Equal(full.Services, EnvironmentManifest.Parse(text, "test").Services);
    }

    [Fact]
    public void Reads_the_manifests_the_tasks_write_without_the_YAML_reader()
    {
        var manifest = EnvironmentManifest.Empty("production");
        for (var i = 0; i < 200; i++)
        {
            manifest = manifest.WithEntry($"svc-{i:000}", new ManifestEntry($"1.{i}.0", $"registry.example.com:5000/team/svc-{i:000}",
                "sha256:" + new string('a', 64), "0123456789abcdef0123456789abcdef01234567", When.AddMinutes(-i), i % 2 == 0 ? "release-bot" : null,
                i % 3 == 0 ? "staging" : null, i % 5 == 0 ? "89abcdef0123456789abcdef0123456789abcdef" : null));
        }

        var text = manifest.Render();
        var fast = RenderedManifestReader.TryRead(text);

        Assert.NotNull(fast);
        Assert.Equal(ManifestReader.Read(text, "test").Services, fast.Services);
        Assert.Equal(text, fast.Render());
        Assert.NotNull(RenderedManifestReader.TryRead(EnvironmentManifest.Empty("dev").Render()));
    }

    // Hand edits and other writers: each is valid YAML the line reader must decline, so the YAML reader decides.
    public static TheoryData<string> NotRendered => new()
    {
        Manifest("  blue:\n    version: \"1.0.0\"\n    deployed: \"2026-12-07T18:04:05Z\"\n") + "# pinned by hand\n",
        Manifest("  blue:\n    deployed: \"2026-12-07T18:04:05Z\"\n    version: \"1.0.0\"\n"),
        Manifest("  blue:\n    version: \"1.0.0\"\n    deployed: \"2026-12-07T18:04:05Z\"\n    owner: team-a\n"),
        Manifest("  blue:\n    version: \"1.0.0\"\n    deployed: \"2026-12-07T18:04:05+00:00\"\n"),
        Manifest("  blue:\n    version: '1.0.0'\n    deployed: \"2026-12-07T18:04:05Z\"\n"),
        Manifest("  blue:\n    version: 1.0.0\n    deployed: \"2026-12-07T18:04:05Z\"\n"),
        Manifest("  blue:\n    version: \"1.0.0\"\n    deployed: \"2026-12-07T18:04:05Z\"\n    by: null\n"),
        Manifest("  blue:\n    version: \"1.0.0\"\n    deployed: \"2026-12-07T18:04:05Z\"\n    by: alice # on call\n"),
        Manifest("  blue:\n    version: \"1.0.0\"\n\n    deployed: \"2026-12-07T18:04:05Z\"\n"),
        Manifest("    blue:\n        version: \"1.0.0\"\n        deployed: \"2026-12-07T18:04:05Z\"\n"),
        Manifest("  blue: { version: \"1.0.0\", deployed: \"2026-12-07T18:04:05Z\" }\n"),
        Manifest("  green:\n    version: \"1.0.0\"\n    deployed: \"2026-12-07T18:04:05Z\"\n  blue:\n    version: \"1.0.0\"\n    deployed: \"2026-12-07T18:04:05Z\"\n"),
        Manifest("  blue:\n    version: \"1.0.0\"\n    deployed: \"2026-12-07T18:04:05Z\"\n") + "notes: kept\n",
        Manifest("  blue:\n    version: \"1.0.0\"\n    deployed: \"2026-12-07T18:04:05Z\""),
        "environment: dev\nservices:\n",
        "environment: 'dev'\nservices: {}\n",
        "environment: dev\nservices: {}\nnotes: kept\n",
        "---\nenvironment: dev\nservices: {}\n",
    };

    [Theory]
    [MemberData(nameof(NotRendered))]
    public void Declines_text_the_tasks_would_not_have_written(string text)
    {
        Assert.Null(RenderedManifestReader.TryRead(text));
        var parsed = EnvironmentManifest.Parse(text, "test");
        Assert.Equal(ManifestReader.Read(text, "test").Render(), parsed.Render());
    }

    [Fact]
    public void A_repeated_entry_is_left_to_the_YAML_reader_which_refuses_it()
    {
        var entry = "  blue:\n    version: \"1.0.0\"\n    deployed: \"2026-12-07T18:04:05Z\"\n";
        var text = Manifest(entry + entry);

        Assert.Null(RenderedManifestReader.TryRead(text));
        Assert.Throws<ManifestFormatException>(() => EnvironmentManifest.Parse(text, "test"));
    }

    private static string Manifest(string services) => "environment: dev\nservices:\n" + services;
}
