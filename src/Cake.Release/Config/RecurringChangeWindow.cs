namespace Cake.Release.Config;

/// <summary>
/// A change window that comes back (<c>- {start: "0 18 * * FRI", end: "0 6 * * MON"}</c>), as GitLab's deploy freezes
/// do: in force from the latest time <see cref="Start"/> fires at or before now until the first time <see cref="End"/>
/// fires after that.
/// </summary>
public sealed record RecurringChangeWindow : ChangeWindow
{
    /// <summary>When the window opens.</summary>
    public required CronSchedule Start { get; init; }

    /// <summary>When the window closes.</summary>
    public required CronSchedule End { get; init; }

    /// <inheritdoc/>
    public override ChangeWindowPeriod? At(DateTimeOffset now)
    {
        if (Start.LatestAtOrBefore(now, TimeZone) is not { } start || End.FirstAfter(start, TimeZone) is not { } end)
        {
            return null;
        }

        return now < end ? new ChangeWindowPeriod(this, start, end) : null;
    }

    /// <inheritdoc/>
    public override string Describe() => $"from \"{Start}\" to \"{End}\" {TimeZone.Id}";
}
