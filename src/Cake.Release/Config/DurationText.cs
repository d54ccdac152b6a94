namespace Cake.Release.Config;

/// <summary>A duration as release.yaml writes it (<c>soak: 1d12h</c>): days, hours and minutes, largest first.</summary>
internal static class DurationText
{
    public static string Of(TimeSpan span)
    {
        var parts = new List<string>();
        if (span.Days > 0)
        {
            parts.Add($"{span.Days}d");
        }

        if (span.Hours > 0)
        {
            parts.Add($"{span.Hours}h");
        }

        if (span.Minutes > 0 || parts.Count == 0)
        {
            parts.Add($"{span.Minutes}m");
        }

        return string.Concat(parts);
    }
}
