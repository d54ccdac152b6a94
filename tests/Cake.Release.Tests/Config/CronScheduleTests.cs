using Cake.Release.Config;

namespace Cake.Release.Tests.Config;

/// <summary>The cron matcher of recurring change windows: fields, names, ranges, steps, and searches across summer time.</summary>
public sealed class CronScheduleTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo StJohns = TimeZoneInfo.FindSystemTimeZoneById("America/St_Johns");

    private static CronSchedule Parse(string text) =>
        CronSchedule.TryParse(text, out var problem) ?? throw new InvalidOperationException(problem);

    private static string? Problem(string text)
    {
        Assert.Null(CronSchedule.TryParse(text, out var problem));
        return problem;
    }

    [Theory]
    [InlineData("0 18 * * 5", "2026-12-04T18:00", true)] // a Friday
    [InlineData("0 18 * * FRI", "2026-12-04T18:00", true)]
    [InlineData("0 18 * * fri", "2026-12-04T18:01", false)]
    [InlineData("*/15 * * * *", "2026-12-04T10:45", true)]
    [InlineData("*/15 * * * *", "2026-12-04T10:46", false)]
    [InlineData("0 9-17/4 * * *", "2026-12-04T13:00", true)]
    [InlineData("0 9-17/4 * * *", "2026-12-04T15:00", false)]
    [InlineData("30 6 1,15 * *", "2026-12-15T06:30", true)]
    [InlineData("0 0 * DEC *", "2026-12-31T00:00", true)]
    [InlineData("0 0 * JAN-NOV *", "2026-12-31T00:00", false)]
    [InlineData("0 0 * * 7", "2026-12-06T00:00", true)] // 7 is Sunday, as 0 is
    [InlineData("0 0 * * FRI-SUN", "2026-12-06T00:00", true)]
    [InlineData("0 0 * * 5-0", "2026-12-06T00:00", true)]
    [InlineData("0 0 * * MON-FRI", "2026-12-06T00:00", false)]
    [InlineData("0 12 13 * FRI", "2026-12-04T12:00", true)] // both day fields restricted: either matches (Vixie)
    [InlineData("0 12 13 * FRI", "2026-12-13T12:00", true)]
    [InlineData("0 12 13 * FRI", "2026-12-14T12:00", false)]
    [InlineData("0 12 */2 * MON", "2026-12-14T12:00", false)] // */2 (odd days) counts as a star: both must match (Vixie)
    [InlineData("5/20 * * * *", "2026-12-04T10:45", true)]
    public void Fields_match_wall_clock_minutes(string cron, string local, bool matches)
    {
        Assert.Equal(matches, Parse(cron).Matches(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("0 18 * *", "has 4 field(s); write five, minute hour day-of-month month day-of-week, e.g. \"0 18 * * FRI\"")]
    [InlineData("0 0 18 * * 5", "has six fields; seconds and years are not supported: write five, minute hour day-of-month month day-of-week, e.g. \"0 18 * * FRI\"")]
    [InlineData("@weekly", "is a macro, which is not supported; write the five fields, e.g. \"0 0 * * MON\" for @weekly")]
    [InlineData("0 18 * * 5-1", "is not a cron schedule: the day-of-week range \"5-1\" runs backwards, which is not supported; write it as a list, 5-6,0-1")]
    [InlineData("0 18 * * FRI-MON", "is not a cron schedule: the day-of-week range \"FRI-MON\" runs backwards, which is not supported; write it as a list, FRI-SAT,SUN-MON")]
    [InlineData("0 22-5 * * *", "is not a cron schedule: the hour range \"22-5\" runs backwards, which is not supported; write it as a list, 22-23,0-5")]
    [InlineData("60 * * * *", "is not a cron schedule: the minute \"60\" is not a number 0-59")]
    [InlineData("0 0 * * FRY", "is not a cron schedule: the day-of-week \"FRY\" is not a number 0-7 or a name SUN..SAT")]
    [InlineData("0 0 L * *", "is not a cron schedule: the day-of-month field \"L\" uses ?, L, W or #, which are not supported; write numbers, names, ranges (a-b), steps (*/s) and lists (a,b)")]
    [InlineData("0 0 ? * MON", "is not a cron schedule: the day-of-month field \"?\" uses ?, L, W or #, which are not supported; write numbers, names, ranges (a-b), steps (*/s) and lists (a,b)")]
    [InlineData("*/0 * * * *", "is not a cron schedule: the minute field \"*/0\" has the step \"0\"; a step is a whole number of 1 or more, e.g. */15")]
    [InlineData("0 0 1,,2 * *", "is not a cron schedule: the day-of-month field has an empty list item; separate values with single commas, e.g. 1,15")]
    [InlineData("0 0 31 2,4 *", "never matches: no month it names has the day-of-month \"31\"; check the day and the month")]
    public void Unsupported_or_wrong_schedules_are_refused_with_the_fix(string cron, string problem)
    {
        Assert.Equal(problem, Problem(cron));
    }

    [Fact]
    public void February_29_is_a_day_that_exists()
    {
        var leap = Parse("0 0 29 2 *");

        Assert.Equal(new DateTimeOffset(2028, 2, 29, 0, 0, 0, TimeSpan.Zero), leap.FirstAfter(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc));
    }

    [Fact]
    public void Latest_and_first_are_found_in_the_zone_s_wall_clock()
    {
        var friday = Parse("0 18 * * FRI");
        var now = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero); // Monday 10:00 in Berlin

        Assert.Equal(new DateTimeOffset(2026, 12, 4, 17, 0, 0, TimeSpan.Zero), friday.LatestAtOrBefore(now, Berlin));
        Assert.Equal(new DateTimeOffset(2026, 12, 11, 17, 0, 0, TimeSpan.Zero), friday.FirstAfter(now, Berlin));
    }

    [Fact]
    public void A_match_exactly_at_the_instant_is_the_latest_but_not_the_first_after()
    {
        var friday = Parse("0 18 * * FRI");
        var at = new DateTimeOffset(2026, 12, 4, 17, 0, 0, TimeSpan.Zero);

        Assert.Equal(at, friday.LatestAtOrBefore(at, Berlin));
        Assert.Equal(at.AddDays(7), friday.FirstAfter(at, Berlin));
    }

    [Fact]
    public void A_half_hour_offset_zone_is_read_on_its_own_clock()
    {
        // St. John's is UTC-3:30 in winter: 18:00 there is 21:30 UTC.
        var friday = Parse("0 18 * * FRI");

        Assert.Equal(new DateTimeOffset(2026, 12, 4, 21, 30, 0, TimeSpan.Zero), friday.LatestAtOrBefore(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero), StJohns));
    }

    [Fact]
    public void A_time_the_clock_skips_takes_effect_when_the_skipped_hour_ends()
    {
        // Berlin jumps from 02:00 CET to 03:00 CEST on 2027-03-28 (01:00 UTC): 02:30 never shows.
        var half = Parse("30 2 * * *");

        Assert.Equal(new DateTimeOffset(2027, 3, 28, 1, 0, 0, TimeSpan.Zero), half.FirstAfter(new DateTimeOffset(2027, 3, 27, 12, 0, 0, TimeSpan.Zero), Berlin));
        Assert.Equal(new DateTimeOffset(2027, 3, 29, 0, 30, 0, TimeSpan.Zero), half.FirstAfter(new DateTimeOffset(2027, 3, 28, 1, 0, 0, TimeSpan.Zero), Berlin));
    }

    [Fact]
    public void A_time_the_clock_shows_twice_takes_its_first_pass()
    {
        // Berlin goes back from 03:00 CEST to 02:00 CET on 2026-10-25 (01:00 UTC): 02:30 shows at 00:30 and 01:30 UTC.
        var half = Parse("30 2 * * *");
        var secondPass = new DateTimeOffset(2026, 10, 25, 1, 40, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), half.LatestAtOrBefore(secondPass, Berlin));
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 1, 30, 0, TimeSpan.Zero), half.FirstAfter(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), Berlin));
    }
}
