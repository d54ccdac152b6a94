using Cake.Release.Config;

namespace Cake.Release.Tests.Config;

/// <summary>
/// <c>freeze:</c> and <c>soakPolicy:</c> in release.yaml: both window forms are read, and every careless or hostile
/// entry is refused with one line naming the file, the line, the key and the fix.
/// </summary>
public sealed class FreezeConfigTests : IDisposable
{
    private readonly ConfigRepository _repository = new();

    public void Dispose() => _repository.Dispose();

    // Line 9 is production, 12 its freeze:, 13 the first window, 14 the second.
    private static string Config(string windows, string more = "") => $"""
        version: 1
        environments:
          dev:
            branch: gitops/dev
            auto: true
          staging:
            branch: gitops/staging
            from: dev
          production:
            branch: gitops/production
            from: staging
            freeze:
        {windows}{more}services:
          blue:
            path: projects/blue

        """;

    [Fact]
    public void Both_forms_are_read_with_zone_and_reason()
    {
        var config = _repository.Parse(Config("""
                  - {from: "2026-12-20", until: "2027-01-04T08:00", timeZone: Europe/Berlin, reason: year-end freeze}
                  - {start: "0 18 * * FRI", end: "0 6 * * MON", timeZone: America/St_Johns}

            """, "    soak: 24h\n    soakPolicy: warn\n"));

        var production = config.Environment("production");
        var dated = Assert.IsType<DatedChangeWindow>(production.Freeze[0]);
        Assert.Equal((new DateTime(2026, 12, 20), new DateTime(2027, 1, 4, 8, 0, 0), "Europe/Berlin", "year-end freeze"), (dated.From, dated.Until, dated.TimeZone.Id, dated.Reason));
        Assert.Equal(13, dated.Location!.Line);
        var weekly = Assert.IsType<RecurringChangeWindow>(production.Freeze[1]);
        Assert.Equal(("0 18 * * FRI", "0 6 * * MON", "America/St_Johns", null), (weekly.Start.Text, weekly.End.Text, weekly.TimeZone.Id, weekly.Reason));
        Assert.Equal(SoakPolicy.Warn, production.SoakPolicy);
        Assert.Empty(config.Environment("staging").Freeze);
        Assert.Equal(SoakPolicy.Block, config.Environment("staging").SoakPolicy);
    }

    [Fact]
    public void Without_a_zone_a_window_is_in_utc()
    {
        var config = _repository.Parse(Config("      - {start: \"0 22 * * *\", end: \"0 6 * * *\"}\n"));

        Assert.Equal(TimeZoneInfo.Utc, config.Environment("production").Freeze[0].TimeZone);
    }

    [Theory]
    [InlineData("      - {from: \"2026-12-20\", until: \"2027-01-04\", zone: Europe/Berlin}\n",
        "release.yaml:13: environments.production.freeze[0].zone is not a key of a change window; did you mean timeZone?")]
    [InlineData("      - {from: \"2026-12-20\", until: \"2027-01-04\", timezone: Europe/Berlin}\n",
        "release.yaml:13: environments.production.freeze[0].timezone is not a key of a change window; did you mean timeZone?")]
    [InlineData("      - {from: \"2026-12-20\", end: \"0 6 * * MON\"}\n",
        "release.yaml:13: environments.production.freeze[0] mixes dates (from:) with a cron schedule (end:); write from: and until: for one period, or start: and end: for a recurring one, as separate list items")]
    [InlineData("      - {reason: year-end}\n",
        "release.yaml:13: environments.production.freeze[0] names no period; write from: and until: (dates), or start: and end: (cron schedules), e.g. - { from: \"2026-12-20T00:00\", until: \"2027-01-04T08:00\", timeZone: Europe/Berlin, reason: year-end } or - { start: \"0 18 * * FRI\", end: \"0 6 * * MON\" }")]
    [InlineData("      - {from: \"2026-12-20\"}\n",
        "release.yaml:13: environments.production.freeze[0].until is missing; add until: \"2027-01-04T08:00\" (when promotions are let through again)")]
    [InlineData("      - {start: \"0 18 * * FRI\"}\n",
        "release.yaml:13: environments.production.freeze[0].end is missing; add end: \"0 6 * * MON\" (a cron schedule: when the window closes)")]
    [InlineData("      - {from: \"20.12.2026\", until: \"2027-01-04\"}\n",
        "release.yaml:13: environments.production.freeze[0].from \"20.12.2026\" is not a date or a date and time; write e.g. \"2026-12-20T00:00\" or 2026-12-20 (wall-clock time in timeZone:)")]
    [InlineData("      - {from: \"2026-12-20T00:00+01:00\", until: \"2027-01-04\"}\n",
        "release.yaml:13: environments.production.freeze[0].from \"2026-12-20T00:00+01:00\" carries a UTC offset; write the wall-clock time without it, e.g. \"2026-12-20T00:00\", and name the zone with timeZone: (UTC by default)")]
    [InlineData("      - {from: \"2027-01-04\", until: \"2026-12-20\"}\n",
        "release.yaml:13: environments.production.freeze[0].until \"2026-12-20\" is not after from: \"2027-01-04\", so the window holds no time; put until: after from:")]
    [InlineData("      - {from: \"2026-12-20\", until: \"2026-12-20T00:00\"}\n",
        "release.yaml:13: environments.production.freeze[0].until \"2026-12-20T00:00\" is not after from: \"2026-12-20\", so the window holds no time; put until: after from:")]
    [InlineData("      - {from: \"2026-12-20\", until: \"2027-01-04\", timeZone: Europe/Berlim}\n",
        "release.yaml:13: environments.production.freeze[0].timeZone \"Europe/Berlim\" is not a time zone this machine knows; did you mean Europe/Berlin? write an IANA name, e.g. timeZone: Europe/Berlin, or leave it out for UTC")]
    [InlineData("      - {from: \"2026-12-20\", until: \"2027-01-04\", timeZone: ../../../etc/passwd}\n",
        "release.yaml:13: environments.production.freeze[0].timeZone \"../../../etc/passwd\" is not a time zone this machine knows; write an IANA name, e.g. timeZone: Europe/Berlin, or leave it out for UTC")]
    [InlineData("      - {start: \"0 18 * * 5-1\", end: \"0 6 * * MON\"}\n",
        "release.yaml:13: environments.production.freeze[0].start \"0 18 * * 5-1\" is not a cron schedule: the day-of-week range \"5-1\" runs backwards, which is not supported; write it as a list, 5-6,0-1")]
    [InlineData("      - {start: \"0 18 * * FRI\", end: \"@weekly\"}\n",
        "release.yaml:13: environments.production.freeze[0].end \"@weekly\" is a macro, which is not supported; write the five fields, e.g. \"0 0 * * MON\" for @weekly")]
    [InlineData("      - {start: \"0 18 * * FRI\", end: \"0 6 * * MON\", reason: \"  \"}\n",
        "release.yaml:13: environments.production.freeze[0].reason \"  \" is blank; say why, e.g. reason: year-end freeze, or leave reason: out")]
    [InlineData("      - {start: [0, 18], end: \"0 6 * * MON\"}\n",
        "release.yaml:13: environments.production.freeze[0].start must be a text value, not a list; write start: <value>")]
    [InlineData("      - 2026-12-20\n",
        "release.yaml:13: environments.production.freeze[0] must be a mapping of keys, not \"2026-12-20\"; write it as - { from: \"2026-12-20T00:00\", until: \"2027-01-04T08:00\", timeZone: Europe/Berlin, reason: year-end } or - { start: \"0 18 * * FRI\", end: \"0 6 * * MON\" }")]
    public void A_bad_window_is_refused_naming_file_line_key_and_fix(string windows, string refusal)
    {
        Assert.Equal(refusal, _repository.Refusal(Config(windows)));
    }

    [Fact]
    public void A_freeze_that_is_not_a_list_is_refused()
    {
        Assert.StartsWith("release.yaml:13: environments.production.freeze must be a list, not a mapping; write it as a list of change windows,",
            _repository.Refusal(Config("      from: 2026-12-20\n      until: 2027-01-04\n")));
    }

    [Fact]
    public void A_freeze_on_the_auto_environment_is_refused()
    {
        var yaml = Config("      - {start: \"0 22 * * *\", end: \"0 6 * * *\"}\n").Replace("    auto: true\n", "    auto: true\n    freeze: [{start: \"0 22 * * *\", end: \"0 6 * * *\"}]\n", StringComparison.Ordinal);

        Assert.Equal("release.yaml:6: environments.dev.freeze is set, but dev is the auto environment, which DeployDev writes on every push without promotion checks; freeze the environments you promote into, and remove freeze: here",
            _repository.Refusal(yaml));
    }

    [Theory]
    [InlineData("    soak: 24h\n    soakPolicy: warning\n", "release.yaml:15: environments.production.soakPolicy \"warning\" is not a soak policy; write soakPolicy: block (refuse a short soak, the default) or soakPolicy: warn (let it through with a warning)")]
    [InlineData("    soakPolicy: warn\n", "release.yaml:14: environments.production.soakPolicy is warn, but production has no soak: to warn about; add soak: 24h beside it, or remove soakPolicy:")]
    public void A_bad_soak_policy_is_refused(string more, string refusal)
    {
        Assert.Equal(refusal, _repository.Refusal(Config("      - {start: \"0 22 * * *\", end: \"0 6 * * *\"}\n", more)));
    }
}
