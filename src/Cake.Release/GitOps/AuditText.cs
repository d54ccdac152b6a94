using System.Globalization;

namespace Cake.Release.GitOps;

/// <summary>
/// Names written into the audit trail (manifest commit trailers, release tag messages, notifications) are one line of
/// plain text. A line break in <c>--by</c> or <c>--approver</c> would otherwise append trailers of the caller's choosing
/// (<c>Approved-by: eve</c>), and an escape sequence or a bidirectional override would change what a terminal or a
/// page shows of the record.
/// </summary>
internal static class AuditText
{
    /// <summary>The value, or a one-line refusal naming where it came from and the character at fault (never the value itself).</summary>
    public static string OneLine(string value, string source)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (IsRefused(value[i]))
            {
                throw new ReleaseException($"{source} holds the control character U+{(int)value[i]:X4} at position {i + 1}; it is recorded in commit trailers, tags and notifications as one line of text: pass the name alone.");
            }
        }

        return value;
    }

    /// <summary>The approvers as recorded: trimmed, empty ones dropped, each once (names compared case-insensitively), each a single name.</summary>
    public static IReadOnlyList<string> Approvers(IEnumerable<string> approvers)
    {
        var names = approvers.Select(a => OneLine(a, "--approver").Trim()).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (names.FirstOrDefault(a => a.Contains(',', StringComparison.Ordinal)) is { } list)
        {
            // Recorded as one Approved-by trailer, "alice,bob" would read as two people while counting as one.
            throw new ReleaseException($"The approver '{list}' is a list; pass one name per approver: {string.Join(" ", list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(a => $"--approver={a}"))}.");
        }

        return names;
    }

    private static bool IsRefused(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
        || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';
}
