using System.Globalization;

namespace Cake.Release.Metrics;

/// <summary>The period delivery metrics look at: deployments with <see cref="Since"/> ≤ deployed &lt; <see cref="Until"/>.</summary>
/// <param name="Since">The first instant counted, in UTC.</param>
/// <param name="Until">The first instant no longer counted, in UTC.</param>
public sealed record MetricsWindow(DateTimeOffset Since, DateTimeOffset Until)
{
    /// <summary>The window's length in days, fractions included: what deployments per day divide by.</summary>
    public double Days => (Until - Since).TotalDays;

    /// <summary>Whether <paramref name="time"/> falls in the window.</summary>
    /// <param name="time">A deployment time.</param>
    public bool Contains(DateTimeOffset time) => time >= Since && time < Until;

    /// <summary><c>2026-11-07 → 2026-12-07</c>, the dates (UTC) a reader sees; times appear only when not midnight.</summary>
    public override string ToString() => $"{Text(Since)} → {Text(Until)}";

    private static string Text(DateTimeOffset time) =>
        time.UtcDateTime.TimeOfDay == TimeSpan.Zero
            ? time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
