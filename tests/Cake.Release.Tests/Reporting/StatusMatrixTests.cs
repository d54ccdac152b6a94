using Cake.Release.Config;
using Cake.Release.Manifests;
using Cake.Release.Reporting;

namespace Cake.Release.Tests.Reporting;

/// <summary>
/// The drift rules and ages of the status matrix, on a fixture history of dev → staging → production manifests
/// (the pure model: no git, no registry).
/// </summary>
public sealed class StatusMatrixTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 20, 12, 0, 0, TimeSpan.Zero);

    private static readonly IReadOnlyList<EnvironmentConfig> Chain =
    [
        // Declared out of chain order on purpose: columns follow `from`, not the file.
        new() { Name = "production", Branch = "gitops/production-releases", From = "staging" },
        new() { Name = "dev", Branch = "gitops/dev-auto-update", Auto = true },
        new() { Name = "staging", Branch = "gitops/staging-releases", From = "dev" },
    ];

    private static string Digest(char c) => "sha256:" + new string(c, 64);

    private static ManifestEntry Entry(string version, char digest, TimeSpan ago, string? from = null) =>
        new(version, "127.0.0.1:5000/acme/svc", Digest(digest), new string('c', 40), Now - ago, "release-bot", from);

    private static ReleaseStatus Matrix(
        IReadOnlyDictionary<string, ManifestEntry?> entries,
        IReadOnlyDictionary<(string, string), VersionTagReading>? registry = null,
        string service = "blue")
    {
        var manifests = new Dictionary<string, EnvironmentManifest?>();
        foreach (var environment in new[] { "dev", "staging", "production" })
        {
            var manifest = EnvironmentManifest.Empty(environment);
            if (entries.GetValueOrDefault(environment) is { } entry)
            {
                manifest = manifest.WithEntry(service, entry);
            }

            manifests[environment] = manifest;
        }

        return StatusMatrix.Build(Chain, [service], manifests, registry ?? new Dictionary<(string, string), VersionTagReading>(), Now);
    }

    private static IReadOnlyList<string> Drift(ReleaseStatus status, string environment, string service = "blue") =>
        status.Cell(service, environment).DriftNames;

    [Fact]
    public void Columns_follow_the_promotion_chain_and_a_side_branch_follows_its_chain()
    {
        Assert.Equal(["dev", "staging", "production"], StatusMatrix.ChainOrder(Chain));
        IReadOnlyList<EnvironmentConfig> withQa = [.. Chain, new() { Name = "qa", Branch = "gitops/qa", From = "dev" }, new() { Name = "sandbox", Branch = "gitops/sandbox" }];
        Assert.Equal(["dev", "staging", "production", "qa", "sandbox"], StatusMatrix.ChainOrder(withQa));
    }

    [Fact]
    public void SemVer_greater_core_in_the_source_is_behind_whatever_the_dates()
    {
        // Production got 1.5.0 after staging got 1.6.0-rc.1: the version core decides, not the date.
        var status = Matrix(new Dictionary<string, ManifestEntry?>
        {
            ["dev"] = Entry("sha-1111111", 'a', TimeSpan.FromDays(3)),
            ["staging"] = Entry("1.6.0-rc.1", 'a', TimeSpan.FromDays(2), "dev"),
            ["production"] = Entry("1.5.0", 'b', TimeSpan.FromHours(5), "staging"),
        });

        Assert.Equal(["behind"], Drift(status, "production"));
        Assert.Empty(Drift(status, "staging"));
        Assert.Empty(Drift(status, "dev"));
    }

    [Fact]
    public void SemVer_same_or_lower_core_is_not_behind_even_when_deployed_later()
    {
        var sameCore = Matrix(new Dictionary<string, ManifestEntry?>
        {
            ["staging"] = Entry("1.6.0-rc.2", 'a', TimeSpan.FromMinutes(12)),
            ["production"] = Entry("1.6.0", 'b', TimeSpan.FromDays(1)),
        });
        var lowerCore = Matrix(new Dictionary<string, ManifestEntry?>
        {
            ["staging"] = Entry("1.4.9", 'a', TimeSpan.FromMinutes(1)),
            ["production"] = Entry("1.5.0", 'b', TimeSpan.FromDays(9)),
        });

        Assert.Empty(Drift(sameCore, "production"));
        Assert.Empty(Drift(lowerCore, "production"));
    }

    [Fact]
    public void The_same_digest_is_never_behind_whatever_the_versions_say()
    {
        var status = Matrix(new Dictionary<string, ManifestEntry?>
        {
            ["dev"] = Entry("sha-2222222", 'a', TimeSpan.FromMinutes(1)),
            ["staging"] = Entry("2.0.0-rc.1", 'a', TimeSpan.FromDays(1)),
            ["production"] = Entry("1.0.0", 'a', TimeSpan.FromDays(2)),
        });

        Assert.Empty(Drift(status, "staging"));
        Assert.Empty(Drift(status, "production"));
    }

    [Fact]
    public void Without_SemVer_on_both_sides_a_later_deployment_of_another_digest_is_behind()
    {
        var devLater = Matrix(new Dictionary<string, ManifestEntry?>
        {
            ["dev"] = Entry("sha-3333333", 'b', TimeSpan.FromMinutes(12)),
            ["staging"] = Entry("1.6.0-rc.1", 'a', TimeSpan.FromHours(5)),
        });
        var devEarlier = Matrix(new Dictionary<string, ManifestEntry?>
        {
            ["dev"] = Entry("sha-3333333", 'b', TimeSpan.FromDays(3)),
            ["staging"] = Entry("1.6.0-rc.1", 'a', TimeSpan.FromHours(5)),
        });
        var sameSecond = Matrix(new Dictionary<string, ManifestEntry?>
        {
            ["dev"] = Entry("sha-3333333", 'b', TimeSpan.FromHours(5)),
            ["staging"] = Entry("1.6.0-rc.1", 'a', TimeSpan.FromHours(5)),
        });

        Assert.Equal(["behind"], Drift(devLater, "staging"));
        Assert.Empty(Drift(devEarlier, "staging"));
        Assert.Empty(Drift(sameSecond, "staging"));
    }

    [Fact]
    public void A_service_in_the_source_but_not_in_the_environment_is_behind_there()
    {
        var status = Matrix(new Dictionary<string, ManifestEntry?>
        {
            ["dev"] = Entry("sha-4444444", 'a', TimeSpan.FromMinutes(30)),
        });

        var staging = status.Cell("blue", "staging");
        Assert.False(staging.Runs);
        Assert.Equal(["behind"], staging.DriftNames);
        Assert.Null(staging.Age);

        // Production's source (staging) does not run it either: nothing to be behind.
        Assert.Empty(Drift(status, "production"));
        Assert.Empty(Drift(status, "dev"));
    }

    [Fact]
    public void A_service_in_the_environment_but_not_in_its_source_is_not_behind()
    {
        var status = Matrix(new Dictionary<string, ManifestEntry?> { ["production"] = Entry("1.0.0", 'a', TimeSpan.FromDays(40)) });

        Assert.Empty(Drift(status, "production"));
        Assert.Empty(Drift(status, "staging"));
    }

    [Fact]
    public void A_version_tag_naming_another_digest_is_a_digest_mismatch()
    {
        var entries = new Dictionary<string, ManifestEntry?>
        {
            ["staging"] = Entry("1.6.0-rc.1", 'a', TimeSpan.FromHours(1)),
            ["production"] = Entry("1.6.0", 'a', TimeSpan.FromMinutes(5)),
        };
        var status = Matrix(entries, new Dictionary<(string, string), VersionTagReading>
        {
            [("staging", "blue")] = VersionTagReading.Read(Digest('a')),
            [("production", "blue")] = VersionTagReading.Read(Digest('f')),
        });

        Assert.Empty(Drift(status, "staging"));
        Assert.Equal(["digest-mismatch"], Drift(status, "production"));
    }

    [Fact]
    public void A_missing_tag_or_an_entry_without_digest_has_nothing_to_mismatch()
    {
        var status = Matrix(
            new Dictionary<string, ManifestEntry?>
            {
                ["staging"] = Entry("1.6.0-rc.1", 'a', TimeSpan.FromHours(1)),
                ["production"] = Entry("1.6.0", 'a', TimeSpan.FromHours(1)) with { Digest = null },
            },
            new Dictionary<(string, string), VersionTagReading>
            {
                [("staging", "blue")] = VersionTagReading.Read(null),
                [("production", "blue")] = VersionTagReading.Read(Digest('f')),
            });

        Assert.Empty(Drift(status, "staging"));
        Assert.Empty(Drift(status, "production"));
    }

    [Fact]
    public void An_unreadable_registry_marks_the_entry_unverified_and_nothing_else()
    {
        var status = Matrix(
            new Dictionary<string, ManifestEntry?>
            {
                ["staging"] = Entry("1.6.0-rc.1", 'a', TimeSpan.FromHours(1)),
                ["production"] = Entry("1.5.0", 'b', TimeSpan.FromHours(2)),
            },
            new Dictionary<(string, string), VersionTagReading>
            {
                [("staging", "blue")] = VersionTagReading.Unreadable("connection refused"),
                [("production", "blue")] = VersionTagReading.Unreadable("connection refused"),
            });

        Assert.Equal(["unverified"], Drift(status, "staging"));
        Assert.Equal(["behind", "unverified"], Drift(status, "production"));
        Assert.True(status.HasDrift);
    }

    [Fact]
    public void Behind_and_digest_mismatch_are_both_shown_in_that_order()
    {
        var status = Matrix(
            new Dictionary<string, ManifestEntry?>
            {
                ["staging"] = Entry("2.0.0-rc.1", 'a', TimeSpan.FromHours(1)),
                ["production"] = Entry("1.0.0", 'b', TimeSpan.FromDays(10)),
            },
            new Dictionary<(string, string), VersionTagReading> { [("production", "blue")] = VersionTagReading.Read(Digest('c')) });

        Assert.Equal(["behind", "digest-mismatch"], Drift(status, "production"));
    }

    [Theory]
    [InlineData(0, "0m")]
    [InlineData(59, "0m")]
    [InlineData(12 * 60 + 30, "12m")]
    [InlineData(59 * 60 + 59, "59m")]
    [InlineData(60 * 60, "1h")]
    [InlineData(5 * 3600 + 59 * 60, "5h")]
    [InlineData(47 * 3600, "47h")]
    [InlineData(48 * 3600, "2d")]
    [InlineData(3 * 86400 + 23 * 3600, "3d")]
    [InlineData(-300, "0m")]
    public void Ages_are_whole_minutes_hours_or_days(int secondsAgo, string age) =>
        Assert.Equal(age, EntryAge.Format(Now.AddSeconds(-secondsAgo), Now));

    [Fact]
    public void Cells_carry_their_age_and_the_first_twelve_hex_digits_of_the_digest()
    {
        var status = Matrix(new Dictionary<string, ManifestEntry?> { ["dev"] = Entry("sha-5555555", 'a', TimeSpan.FromMinutes(12)) with { Digest = "sha256:0123456789abcdef" + new string('0', 48) } });

        var dev = status.Cell("blue", "dev");
        Assert.Equal("12m", dev.Age);
        Assert.Equal("0123456789ab", dev.ShortDigest);
        Assert.Equal(["dev", "staging", "production"], status.Environments);
    }
}
