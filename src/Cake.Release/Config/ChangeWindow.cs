namespace Cake.Release.Config;

/// <summary>
/// A period during which promotions into an environment are refused (an entry of <c>environments.&lt;name&gt;.freeze</c>):
/// fixed dates (<see cref="DatedChangeWindow"/>) or a recurring one between two cron schedules (<see cref="RecurringChangeWindow"/>),
/// read in its own time zone. Pure: the instant asked about is passed in, never read from a clock.
/// </summary>
public abstract record ChangeWindow
{
    /// <summary>Why promotions are refused then (<c>reason:</c>), or null.</summary>
    public string? Reason { get; init; }

    /// <summary>The time zone the window's times are wall-clock times of (<c>timeZone:</c>, an IANA name; UTC by default).</summary>
    public required TimeZoneInfo TimeZone { get; init; }

    /// <summary>Where the window is declared, for messages about it.</summary>
    public ConfigLocation? Location { get; init; }

    /// <summary>The period of this window that holds <paramref name="now"/> (start inclusive, end exclusive), or null when none does.</summary>
    public abstract ChangeWindowPeriod? At(DateTimeOffset now);

    /// <summary>The window as a person reads it, e.g. <c>2026-12-20 00:00 → 2027-01-04 08:00 Europe/Berlin</c>.</summary>
    public abstract string Describe();

    /// <summary>The reason and the window, e.g. <c>"year-end freeze" (2026-12-20 00:00 → … Europe/Berlin)</c>.</summary>
    public string Title => Reason is null ? Describe() : $"\"{Reason}\" ({Describe()})";
}
