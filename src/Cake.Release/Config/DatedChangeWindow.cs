using System.Globalization;

namespace Cake.Release.Config;

/// <summary>
/// A change window between two wall-clock times (<c>- {from: "2026-12-20T00:00", until: "2027-01-04T08:00"}</c>); a
/// plain date means its midnight, so <c>until: 2027-01-04</c> lets promotions through from the first minute of that day.
/// </summary>
public sealed record DatedChangeWindow : ChangeWindow
{
    /// <summary>The wall-clock time the window opens (inclusive).</summary>
    public required DateTime From { get; init; }

    /// <summary>The wall-clock time the window closes (exclusive).</summary>
    public required DateTime Until { get; init; }

    /// <inheritdoc/>
    public override ChangeWindowPeriod? At(DateTimeOffset now)
    {
        var (start, end) = (ZonedTime.Instant(From, TimeZone), ZonedTime.Instant(Until, TimeZone));
        return now >= start && now < end ? new ChangeWindowPeriod(this, start, end) : null;
    }

    /// <inheritdoc/>
    public override string Describe() => $"{Wall(From)} → {Wall(Until)} {TimeZone.Id}";

    private static string Wall(DateTime time) => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
