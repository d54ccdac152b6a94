using System.Globalization;

namespace Cake.Release.Reporting;

/// <summary>How long ago an entry was deployed, short enough for a matrix cell: <c>12m</c>, <c>5h</c>, <c>3d</c>.</summary>
public static class EntryAge
{
    /// <summary>
    /// Whole minutes under an hour, whole hours under two days, else whole days. A time after
    /// <paramref name="now"/> (clocks of two CI runners disagreeing) reads as <c>0m</c> rather than a negative age.
    /// </summary>
    /// <param name="deployed">When the entry was written.</param>
    /// <param name="now">The clock the report is made at.</param>
    public static string Format(DateTimeOffset deployed, DateTimeOffset now)
    {
        var age = now - deployed;
        if (age < TimeSpan.Zero)
        {
            age = TimeSpan.Zero;
        }

        return age < TimeSpan.FromHours(1) ? Whole(age.TotalMinutes) + "m"
            : age < TimeSpan.FromDays(2) ? Whole(age.TotalHours) + "h"
            : Whole(age.TotalDays) + "d";
    }

    private static string Whole(double value) => ((long)Math.Floor(value)).ToString(CultureInfo.InvariantCulture);
}
