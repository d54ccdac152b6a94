using System.Buffers;
using System.Globalization;
using System.Text;

namespace Cake.Release.Manifests;

/// <summary>Writes a string as a YAML scalar that reads back as that same string, whatever YAML version reads it.</summary>
internal static class YamlScalar
{
    // YAML 1.1 readers (yq v3, PyYAML, many tools) still turn these words into booleans or null.
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    };

    // What a plain scalar may hold; anything else is quoted.
    private static readonly SearchValues<char> Plain = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./@:+-=");

    // What a double-quoted scalar writes as an escape: the quote, the backslash, control characters (C0, DEL, C1)
    // and the line and paragraph separators.
    private static readonly SearchValues<char> Escaped = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(c => (char)c), .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c), '"', '\\', '\u2028', '\u2029']);

    public static string Write(string value, bool quote = false) =>
        quote || NeedsQuotes(value) ? Quoted(value) : value;

    // Conservative on purpose: a needless pair of quotes costs nothing, a version read as a number breaks a rollout.
    private static bool NeedsQuotes(string value) =>
        value.Length == 0
        || Words.Contains(value)
        || char.IsAsciiDigit(value[0]) || value[0] is '+' or '-' or '.' or ':'
        || value[0] is '@'   // reserved indicator: YAML cannot start a plain scalar with it (a `by: @alice` does not read back)
        || value.EndsWith(':')
        || value.AsSpan().ContainsAnyExcept(Plain);

    private static string Quoted(string value)
    {
        if (!value.AsSpan().ContainsAny(Escaped))
        {
            return $"\"{value}\"";
        }

        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                // Line and paragraph separators break a double-quoted line as a newline would.
                '\u2028' or '\u2029' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ when char.IsControl(c) => "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }
}
