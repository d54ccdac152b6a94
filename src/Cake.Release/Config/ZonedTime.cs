namespace Cake.Release.Config;

/// <summary>
/// Wall-clock times of a time zone as instants, with one rule for the hours a change of summer time skips or repeats:
/// a time the clock skips (02:30 on the morning it jumps from 02:00 to 03:00) takes effect when the skipped hour ends,
/// so a window never fails to open or close on that day; a time the clock shows twice takes its first pass.
/// </summary>
public static class ZonedTime
{
    /// <summary>The instant at which clocks in <paramref name="zone"/> show <paramref name="local"/>, by the rule above.</summary>
    public static DateTimeOffset Instant(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(wall))
        {
            // Gaps are whole minutes (an hour, or half an hour at Lord Howe): the first valid minute is where it ends.
            var after = wall.AddSeconds(-wall.Second).AddMilliseconds(-wall.Millisecond);
            while (zone.IsInvalidTime(after))
            {
                after = after.AddMinutes(1);
            }

            return new DateTimeOffset(after, zone.GetUtcOffset(after));
        }

        if (zone.IsAmbiguousTime(wall))
        {
            return new DateTimeOffset(wall, zone.GetAmbiguousTimeOffsets(wall).Max());
        }

        return new DateTimeOffset(wall, zone.GetUtcOffset(wall));
    }
}
