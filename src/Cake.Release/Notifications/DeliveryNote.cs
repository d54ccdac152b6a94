using System.Globalization;
using Cake.Release.Config;

namespace Cake.Release.Notifications;

/// <summary>
/// The delivery record of one promotion, kept as a git note on its manifest commit: one line per notify target whose
/// webhook answered 2xx (<c>Notified: teams ${TEAMS_WEBHOOK_URL} at 2025-01-20T10:04:05Z</c>). A target is named by
/// its kind and variable, never by its URL, which is a secret.
/// </summary>
internal static class DeliveryNote
{
    private const string Prefix = "Notified: ";
    private const string At = " at ";

    /// <summary>How a note names a target: its kind and the variables of its URL, else its key in release.yaml.</summary>
    public static string Name(NotifyTarget target) =>
        $"{target.Kind} {(target.Url.Variables.Count > 0 ? string.Join(", ", target.Url.Variables.Select(v => $"${{{v}}}")) : target.Url.Location.Key)}";

    /// <summary>The targets a note records as delivered; none for no note.</summary>
    public static IReadOnlySet<string> Delivered(string? note) =>
        (note ?? "").Split('\n')
            .Where(line => line.StartsWith(Prefix, StringComparison.Ordinal) && line.LastIndexOf(At, StringComparison.Ordinal) > Prefix.Length)
            .Select(line => line[Prefix.Length..line.LastIndexOf(At, StringComparison.Ordinal)])
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The note with <paramref name="target"/> recorded as delivered at <paramref name="when"/>; lines already there are kept as they are.</summary>
    public static string With(string? note, string target, DateTimeOffset when)
    {
        var kept = string.IsNullOrEmpty(note) ? "" : note.EndsWith('\n') ? note : note + "\n";
        return $"{kept}{Prefix}{target}{At}{when.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}\n";
    }
}
