using System.Globalization;
using System.Text.RegularExpressions;

namespace Cake.Release.Config;

/// <summary>Durations as people write them in release policies: <c>30m</c>, <c>24h</c>, <c>2d</c>, <c>1h30m</c>, <c>0</c>.</summary>
internal static partial class Durations
{
    public const string Examples = "30m, 24h, 2d or 1h30m";

    public static TimeSpan? Parse(string text)
    {
        if (text == "0")
        {
            return TimeSpan.Zero;
        }

        var match = Pattern().Match(text);
        if (!match.Success || text.Length == 0)
        {
            return null;
        }

        try
        {
            return TimeSpan.FromDays(Part(match, "d")) + TimeSpan.FromHours(Part(match, "h"))
                + TimeSpan.FromMinutes(Part(match, "m")) + TimeSpan.FromSeconds(Part(match, "s"));
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static long Part(Match match, string unit) =>
        match.Groups[unit].Success ? long.Parse(match.Groups[unit].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^(?:(?<d>\d{1,5})d)?(?:(?<h>\d{1,6})h)?(?:(?<m>\d{1,7})m)?(?:(?<s>\d{1,9})s)?$")]
    private static partial Regex Pattern();
}
