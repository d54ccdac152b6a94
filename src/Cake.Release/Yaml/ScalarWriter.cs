using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace Cake.Release.Yaml;

/// <summary>
/// Writes a string as YAML scalar text that reads back as that same string: in the style the value had when it can,
/// in double quotes when it cannot.
/// </summary>
internal static partial class ScalarWriter
{
    /// <summary>Text for <paramref name="value"/> in place of a scalar written in <paramref name="style"/>.</summary>
    /// <param name="value">The new value.</param>
    /// <param name="style">The style of the scalar being replaced; <see cref="ScalarStyle.Any"/> for a new one.</param>
    /// <param name="inFlow">Inside <c>{…}</c> or <c>[…]</c>.</param>
    /// <param name="newline">The file's line ending, for block scalars.</param>
    /// <param name="blockIndent">Indentation of a block scalar's content lines.</param>
    public static string Write(string value, ScalarStyle style, bool inFlow, string newline, int blockIndent) => style switch
    {
        ScalarStyle.SingleQuoted when !value.Any(NeedsEscape) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'",
        ScalarStyle.DoubleQuoted => DoubleQuoted(value),
        ScalarStyle.Literal or ScalarStyle.Folded when value.Contains('\n', StringComparison.Ordinal) && CanBeLiteral(value) =>
            Literal(value, newline, blockIndent),
        _ => IsPlainSafe(value, inFlow) ? value : DoubleQuoted(value),
    };

    /// <summary>
    /// Whether <paramref name="value"/> written without quotes reads back as the same string under YAML 1.1 and 1.2
    /// (Helm and kustomize read YAML 1.1-ish: <c>yes</c>, <c>on</c> and <c>1.10</c> are not strings there).
    /// </summary>
    public static bool IsPlainSafe(string value, bool inFlow)
    {
        if (value.Length == 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]) || value.Any(NeedsEscape))
        {
            return false;
        }

        if ("#&*!|>'\"%@`,[]{}".Contains(value[0], StringComparison.Ordinal)
            || (value[0] is '-' or '?' or ':' && (value.Length == 1 || value[1] == ' '))
            || value.StartsWith("---", StringComparison.Ordinal) || value.StartsWith("...", StringComparison.Ordinal))
        {
            return false;
        }

        if (value.Contains(": ", StringComparison.Ordinal) || value.EndsWith(':') || value.Contains(" #", StringComparison.Ordinal) || value.Contains('\t', StringComparison.Ordinal))
        {
            return false;
        }

        if (inFlow && value.IndexOfAny([',', '[', ']', '{', '}', ':', '#']) >= 0)
        {
            return false;
        }

        return !NotAString().IsMatch(value);
    }

    /// <summary>A double-quoted scalar, escaping what YAML requires and every control character.</summary>
    public static string DoubleQuoted(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                '\u0085' => "\\N",
                '\u2028' => "\\L",
                '\u2029' => "\\P",
                _ when NeedsEscape(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    private static bool NeedsEscape(char c) => char.IsControl(c) || c is '\uFEFF' or '\u2028' or '\u2029';

    // A literal block holds any text whose lines need no escapes and whose first line does not start with a space
    // (that would need an indentation indicator).
    private static bool CanBeLiteral(string value) =>
        !value.Any(c => c != '\n' && NeedsEscape(c)) && value[0] is not (' ' or '\n');

    private static string Literal(string value, string newline, int indent)
    {
        var body = value.TrimEnd('\n');
        var trailing = value.Length - body.Length;
        var chomping = trailing switch { 0 => "-", 1 => "", _ => "+" };
        var text = new StringBuilder("|").Append(chomping);
        foreach (var line in body.Split('\n'))
        {
            text.Append(newline);
            if (line.Length > 0)
            {
                text.Append(' ', indent).Append(line);
            }
        }

        // Kept trailing line breaks beyond the one that ends the last line become empty lines of the block.
        for (var i = 1; i < trailing; i++)
        {
            text.Append(newline);
        }

        return text.ToString();
    }

    // Null, booleans, numbers and timestamps of YAML 1.1 and the 1.2 core schema, and the merge and value keys.
    [GeneratedRegex(@"^(?:~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|<<|="
        + @"|[-+]?[0-9][0-9_]*|[-+]?0b[01_]+|[-+]?0o?[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?"
        + @"|[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
        + @"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex NotAString();
}
