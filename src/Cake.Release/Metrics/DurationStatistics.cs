namespace Cake.Release.Metrics;

/// <summary>
/// The statistics delivery metrics report on durations. Median: the middle value, or the mean of the two middle ones;
/// percentile p: nearest rank (the ⌈p/100 · n⌉-th smallest), so it is always a duration that was measured.
/// </summary>
internal static class DurationStatistics
{
    public static TimeSpan? Median(IReadOnlyList<TimeSpan> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : TimeSpan.FromTicks((sorted[middle - 1].Ticks + sorted[middle].Ticks) / 2);
    }

    public static TimeSpan? Percentile(IReadOnlyList<TimeSpan> values, int percentile)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
