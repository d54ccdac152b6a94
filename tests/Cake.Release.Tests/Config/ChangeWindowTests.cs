using Cake.Release.Config;

namespace Cake.Release.Tests.Config;

/// <summary>When a change window is in force: dates and recurring windows, zones, summer time, and the exact boundaries.</summary>
public sealed class ChangeWindowTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo StJohns = TimeZoneInfo.FindSystemTimeZoneById("America/St_Johns");

    private static RecurringChangeWindow Weekend(TimeZoneInfo zone) => new()
    {
        Start = CronSchedule.TryParse("0 18 * * FRI", out _)!,
        End = CronSchedule.TryParse("0 6 * * MON", out _)!,
        TimeZone = zone,
        Reason = "weekend",
    };

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0, int year = 2026) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(12, 4, 16, 59, false)] // Friday 17:59 Berlin
    [InlineData(12, 4, 17, 0, true)] // Friday 18:00 Berlin: the start is in the window
    [InlineData(12, 5, 23, 30, true)] // across midnight, Saturday night
    [InlineData(12, 7, 4, 59, true)] // Monday 05:59 Berlin
    [InlineData(12, 7, 5, 0, false)] // Monday 06:00 Berlin: the end is out of it
    [InlineData(12, 8, 12, 0, false)] // Tuesday
    public void A_weekend_window_holds_from_its_start_to_its_end(int month, int day, int hour, int minute, bool frozen)
    {
        var period = Weekend(Berlin).At(Utc(month, day, hour, minute));

        Assert.Equal(frozen, period is not null);
        if (period is not null)
        {
            Assert.Equal((Utc(12, 4, 17), Utc(12, 7, 5)), (period.Start, period.End));
        }
    }

    [Fact]
    public void A_half_hour_offset_zone_moves_the_window_by_its_own_offset()
    {
        // Friday 18:00 in St. John's (UTC-3:30) is 21:30 UTC; at 21:00 UTC Berlin's weekend has begun, St. John's has not.
        var at = Utc(12, 4, 21);

        Assert.NotNull(Weekend(Berlin).At(at));
        Assert.Null(Weekend(StJohns).At(at));
        Assert.Equal(Utc(12, 7, 9, 30), Weekend(StJohns).At(Utc(12, 4, 21, 30))!.End);
    }

    [Fact]
    public void A_weekend_across_the_change_to_summer_time_ends_at_the_summer_time_wall_clock()
    {
        // Berlin moves to CEST on Sunday 2027-03-28: the window opens Friday 18:00 CET (17:00 UTC), closes Monday 06:00 CEST (04:00 UTC).
        var period = Weekend(Berlin).At(Utc(3, 28, 12, year: 2027))!;

        Assert.Equal((Utc(3, 26, 17, year: 2027), Utc(3, 29, 4, year: 2027)), (period.Start, period.End));
        Assert.Null(Weekend(Berlin).At(Utc(3, 29, 4, year: 2027)));
        Assert.NotNull(Weekend(Berlin).At(Utc(3, 29, 3, 59, year: 2027)));
    }

    [Fact]
    public void A_dated_window_holds_from_from_inclusive_to_until_exclusive_in_its_zone()
    {
        var yearEnd = new DatedChangeWindow { From = new DateTime(2026, 12, 20), Until = new DateTime(2027, 1, 4, 8, 0, 0), TimeZone = Berlin, Reason = "year-end freeze" };

        Assert.Null(yearEnd.At(Utc(12, 19, 22, 59)));
        Assert.Equal(Utc(12, 19, 23), yearEnd.At(Utc(12, 19, 23))!.Start);
        Assert.Equal(Utc(1, 4, 7, year: 2027), yearEnd.At(Utc(1, 4, 6, 59, year: 2027))!.End);
        Assert.Null(yearEnd.At(Utc(1, 4, 7, year: 2027)));
        Assert.Equal("\"year-end freeze\" (2026-12-20 00:00 → 2027-01-04 08:00 Europe/Berlin)", yearEnd.Title);
    }

    [Fact]
    public void A_recurring_window_whose_end_has_passed_is_not_in_force()
    {
        var night = new RecurringChangeWindow { Start = CronSchedule.TryParse("0 22 * * *", out _)!, End = CronSchedule.TryParse("0 6 * * *", out _)!, TimeZone = TimeZoneInfo.Utc };

        Assert.NotNull(night.At(Utc(12, 7, 2)));
        Assert.Null(night.At(Utc(12, 7, 12)));
        Assert.Equal("from \"0 22 * * *\" to \"0 6 * * *\" UTC", night.Describe());
    }
}
