using System.Globalization;

namespace Cake.Release.Fragments;

/// <summary>
/// Times in the table: UTC, to the second, ISO 8601 with a Z (<c>2026-12-07T10:04:00Z</c>), the manifest's
/// <c>deployed:</c> form, so that they sort as text in keys and indexes.
/// </summary>
public static class FragmentTime
{
    /// <summary>The table's text of <paramref name="at"/>.</summary>
    public static string Format(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A time the table holds, or null when <paramref name="text"/> is not one.</summary>
    public static DateTimeOffset? Parse(string? text) =>
        DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;
}
