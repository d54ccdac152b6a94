using Cake.Release.Manifests;

namespace Cake.Release.Tests.Manifests;

public sealed class EnvironmentManifestTests
{
    private const string Source = "origin/gitops/production-releases:release-manifests/production.yaml";
    private const string Digest = "sha256:5b0b1e4c0f2f5d9bd1c1f1d2a7c4e9f8b3a6d5c4e3f2a1b0c9d8e7f6a5b4c3d2";

    private static readonly ManifestEntry Blue = new("1.6.1", "registry.example.com/acme/blue", Digest, "3f2c9a1b7e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b",
        new DateTimeOffset(2025, 1, 20, 10, 4, 0, TimeSpan.Zero), "release-bot", "staging");

    private static readonly ManifestEntry Green = new("2.0.0", "registry.example.com/acme/green", Digest, null,
        new DateTimeOffset(2025, 1, 19, 8, 0, 0, TimeSpan.Zero));

    private const string Rendered = """
        environment: production
        services:
          blue:
            version: "1.6.1"
            image: registry.example.com/acme/blue
            digest: sha256:5b0b1e4c0f2f5d9bd1c1f1d2a7c4e9f8b3a6d5c4e3f2a1b0c9d8e7f6a5b4c3d2
            commit: "3f2c9a1b7e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b"
            deployed: "2025-01-20T10:04:00Z"
            by: release-bot
            from: staging
          green:
            version: "2.0.0"
            image: registry.example.com/acme/green
            digest: sha256:5b0b1e4c0f2f5d9bd1c1f1d2a7c4e9f8b3a6d5c4e3f2a1b0c9d8e7f6a5b4c3d2
            deployed: "2025-01-19T08:00:00Z"

        """;

    [Fact]
    public void Render_writes_the_design_shape_in_key_and_name_order()
    {
        var manifest = EnvironmentManifest.Empty("production").WithEntry("green", Green).WithEntry("blue", Blue);

        Assert.Equal(Rendered, manifest.Render());
        Assert.Equal(["blue", "green"], manifest.Services.Keys);
    }

    [Fact]
    public void An_empty_manifest_renders_and_reads_back()
    {
        var text = EnvironmentManifest.Empty("dev").Render();

        Assert.Equal("environment: dev\nservices: {}\n", text);
        var read = EnvironmentManifest.Parse(text, Source);
        Assert.Equal("dev", read.Environment);
        Assert.Empty(read.Services);
    }

    [Fact]
    public void Parse_reads_every_field_and_renders_the_same_text()
    {
        var manifest = EnvironmentManifest.Parse(Rendered, Source);

        Assert.Equal("production", manifest.Environment);
        Assert.Equal(Blue, manifest.Entry("blue"));
        Assert.Equal(Green, manifest.Entry("green"));
        Assert.Null(manifest.Entry("red"));
        Assert.Equal(Rendered, manifest.Render());
    }

    [Fact]
    public void Values_yaml_would_read_as_numbers_booleans_or_dates_stay_strings()
    {
        var entry = new ManifestEntry("1.10", "blue", "sha256:0", "1234567", DateTimeOffset.UnixEpoch, "yes", "no");

        var text = EnvironmentManifest.Empty("2025-01-20").WithEntry("on", entry).Render();

        Assert.Equal("""
            environment: "2025-01-20"
            services:
              "on":
                version: "1.10"
                image: blue
                digest: sha256:0
                commit: "1234567"
                deployed: "1970-01-01T00:00:00Z"
                by: "yes"
                from: "no"

            """, text);
        var read = EnvironmentManifest.Parse(text, Source);
        Assert.Equal(entry, read.Entry("on"));
        Assert.Equal("2025-01-20", read.Environment);
    }

    [Fact]
    public void Deployed_is_written_in_utc_to_the_second()
    {
        var entry = Green with { Deployed = new DateTimeOffset(2025, 1, 20, 11, 4, 0, 999, TimeSpan.FromHours(1)) };

        var manifest = EnvironmentManifest.Empty("dev").WithEntry("green", entry);

        Assert.Contains("    deployed: \"2025-01-20T10:04:00Z\"\n", manifest.Render());
        Assert.Equal(TimeSpan.Zero, entry.Deployed.Offset);
        Assert.Equal(entry, EnvironmentManifest.Parse(manifest.Render(), Source).Entry("green"));
        Assert.Same(manifest, manifest.WithEntry("green", entry with { Deployed = entry.Deployed.AddMilliseconds(500) }));
    }

    [Fact]
    public void Changing_one_entry_changes_only_that_entrys_lines()
    {
        var before = EnvironmentManifest.Parse(Rendered, Source).WithEntry("red", Green with { Image = "registry.example.com/acme/red" });
        var after = before.WithEntry("blue", Blue with { Version = "1.6.2", Digest = "sha256:ffff", Deployed = Blue.Deployed.AddDays(1) });

        var changed = ChangedLines(before.Render(), after.Render());

        Assert.Equal(["    version: \"1.6.2\"", "    digest: sha256:ffff", "    deployed: \"2025-01-21T10:04:00Z\""], changed.Select(c => c.After));
        Assert.All(changed, c => Assert.InRange(c.Line, 3, 10));
    }

    [Fact]
    public void Adding_a_service_only_adds_its_lines()
    {
        var before = EnvironmentManifest.Parse(Rendered, Source).Render().Split('\n').ToList();
        var after = EnvironmentManifest.Parse(Rendered, Source).WithEntry("cyan", Green).Render().Split('\n').ToList();

        var added = after.GetRange(10, 5);
        after.RemoveRange(10, 5);

        Assert.Equal(before, after);
        Assert.Equal("  cyan:", added[0]);
    }

    [Fact]
    public void Writing_the_entry_that_is_already_there_changes_nothing()
    {
        var manifest = EnvironmentManifest.Parse(Rendered, Source);

        Assert.Same(manifest, manifest.WithEntry("blue", Blue));
    }

    [Fact]
    public void Keys_a_newer_version_wrote_survive_for_entries_not_replaced()
    {
        const string newer = """
            environment: production
            services:
              blue:
                version: "1.6.1"
                image: registry.example.com/acme/blue
                deployed: "2025-01-20T10:04:00Z"
                signature: cosign://blue@sha256:aaa   # verified on admission
                sbom:
                  format: spdx
              green:
                version: "2.0.0"
                image: registry.example.com/acme/green
                deployed: "2025-01-19T08:00:00Z"
                signature: cosign://green@sha256:bbb
            generation: 7
            """;

        var rendered = EnvironmentManifest.Parse(newer, Source)
            .WithEntry("green", Green with { Version = "2.0.1" })
            .Render();

        Assert.Equal("""
            environment: production
            services:
              blue:
                version: "1.6.1"
                image: registry.example.com/acme/blue
                deployed: "2025-01-20T10:04:00Z"
                signature: cosign://blue@sha256:aaa   # verified on admission
                sbom:
                  format: spdx
              green:
                version: "2.0.1"
                image: registry.example.com/acme/green
                digest: sha256:5b0b1e4c0f2f5d9bd1c1f1d2a7c4e9f8b3a6d5c4e3f2a1b0c9d8e7f6a5b4c3d2
                deployed: "2025-01-19T08:00:00Z"
            generation: 7

            """, rendered);
    }

    [Fact]
    public void A_manifest_indented_by_four_spaces_with_crlf_moves_its_kept_entries_to_two_spaces_and_lf()
    {
        const string text = "environment: dev\r\nservices:\r\n    blue:\r\n        version: \"1.0.0\"\r\n        image: blue\r\n        deployed: \"2025-01-20T10:04:00Z\"\r\n        note: kept\r\n";

        var rendered = EnvironmentManifest.Parse(text, Source).WithEntry("green", Green).Render();

        // The kept entry moves as a block, so its own keys stay four spaces deeper than its name.
        Assert.StartsWith("environment: dev\nservices:\n  blue:\n      version: \"1.0.0\"\n      image: blue\n      deployed: \"2025-01-20T10:04:00Z\"\n      note: kept\n  green:\n", rendered);
        Assert.Equal("1.0.0", EnvironmentManifest.Parse(rendered, Source).Entry("blue")!.Version);
        Assert.Equal(Green, EnvironmentManifest.Parse(rendered, Source).Entry("green"));
    }

    [Theory]
    [InlineData("environment: dev\nservices:\n  blue: [1\n", ":4: not valid YAML at column 1 (While parsing a flow sequence, did not find expected ',' or ']')")]
    [InlineData("environment: dev\nservices:\n  - blue\n", ":3: services: must be a mapping of service names to entries")]
    [InlineData("services: {}\n", ":1: the manifest has no environment: key")]
    [InlineData("", ":1: the manifest is empty")]
    [InlineData("- environment\n", ":1: the manifest must be a mapping with environment: and services:")]
    [InlineData("environment: dev\nservices:\n  blue:\n    image: blue\n    deployed: \"2025-01-20T10:04:00Z\"\n", ":4: services.blue has no version:")]
    [InlineData("environment: dev\nservices:\n  blue:\n    version: \"1\"\n    image: blue\n    deployed: yesterday\n", ":6: services.blue.deployed \"yesterday\" is not a time like 2025-01-20T10:04:00Z")]
    [InlineData("environment: dev\nservices:\n  blue:\n    version: [1]\n    image: blue\n    deployed: \"2025-01-20T10:04:00Z\"\n", ":4: services.blue.version must be a single value, not a list")]
    [InlineData("environment: dev\nservices:\n  blue: 1.0.0\n", ":3: services.blue must be a mapping with version: and deployed: (and image: for a service with an image)")]
    [InlineData("environment: dev\n---\nenvironment: stg\n", ":3: the manifest holds more than one YAML document")]
    public void A_malformed_manifest_names_source_line_and_how_to_restore_it(string text, string problem)
    {
        var error = Assert.Throws<ManifestFormatException>(() => EnvironmentManifest.Parse(text, Source));

        Assert.Equal($"{Source}{problem}; {ManifestFormatException.Fix}.", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.IsAssignableFrom<ReleaseException>(error);
    }

    private static List<(int Line, string Before, string After)> ChangedLines(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        Assert.Equal(a.Length, b.Length);
        return a.Zip(b).Select((pair, i) => (i + 1, pair.First, pair.Second)).Where(c => c.First != c.Second).ToList();
    }
}
