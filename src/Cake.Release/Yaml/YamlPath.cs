using System.Globalization;
using System.Text;

namespace Cake.Release.Yaml;

/// <summary>
/// The address of a value inside a YAML document: mapping keys separated by dots and sequence indexes in brackets,
/// as in <c>image.tag</c>, <c>images[0].newTag</c> or <c>spec.source.targetRevision</c>. A key holding a dot, a
/// bracket, a quote or white space is written in double quotes, with <c>\"</c> and <c>\\</c> as its only escapes:
/// <c>metadata.annotations."app.kubernetes.io/name"</c>.
/// </summary>
public sealed class YamlPath
{
    private YamlPath(IReadOnlyList<YamlPathSegment> segments) => Segments = segments;

    /// <summary>The keys and indexes from the document root down to the value.</summary>
    public IReadOnlyList<YamlPathSegment> Segments { get; }

    /// <summary>Builds a path from segments already split (for callers that hold keys, not path text).</summary>
    /// <exception cref="ArgumentException">No segments, or an index below zero.</exception>
    public static YamlPath Of(params YamlPathSegment[] segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        if (segments.Length == 0 || segments.Any(s => s is YamlPathSegment.SequenceIndex { Position: < 0 }))
        {
            throw new ArgumentException("a YAML path needs at least one segment and no negative index", nameof(segments));
        }

        return new YamlPath(segments.ToArray());
    }

    /// <summary>Reads path text such as <c>images[0].newTag</c> or <c>annotations."a.b/c"</c>.</summary>
    /// <exception cref="ReleaseException">The text is not a path; the message says where and how to write one.</exception>
    public static YamlPath Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var segments = new List<YamlPathSegment>();
        var i = 0;
        var expectKey = true;
        while (i < text.Length || expectKey)
        {
            if (expectKey)
            {
                if (i < text.Length && text[i] == '[' && segments.Count == 0)
                {
                    expectKey = false;
                    continue;
                }

                segments.Add(new YamlPathSegment.MappingKey(ReadKey(text, ref i)));
                expectKey = false;
            }
            else if (text[i] == '.')
            {
                i++;
                expectKey = true;
            }
            else if (text[i] == '[')
            {
                var close = text.IndexOf(']', i);
                var digits = close < 0 ? "" : text[(i + 1)..close];
                if (close < 0 || digits.Length == 0 || !digits.All(char.IsAsciiDigit)
                    || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    throw Invalid(text, i, "an index is a number in brackets, such as [0]");
                }

                segments.Add(new YamlPathSegment.SequenceIndex(index));
                i = close + 1;
            }
            else
            {
                throw Invalid(text, i, $"'{text[i]}' cannot follow a key or index; separate keys with dots");
            }
        }

        return new YamlPath(segments);
    }

    /// <summary>The path as text that <see cref="Parse"/> reads back to the same segments.</summary>
    public override string ToString() => Format(Segments.Count);

    /// <summary>The first <paramref name="count"/> segments as path text, to name where in the path a problem is.</summary>
    internal string Format(int count)
    {
        var text = new StringBuilder();
        foreach (var segment in Segments.Take(count))
        {
            switch (segment)
            {
                case YamlPathSegment.SequenceIndex index:
                    text.Append(CultureInfo.InvariantCulture, $"[{index.Position}]");
                    break;
                case YamlPathSegment.MappingKey key:
                    if (text.Length > 0)
                    {
                        text.Append('.');
                    }

                    text.Append(NeedsQuotes(key.Name) ? $"\"{key.Name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"" : key.Name);
                    break;
            }
        }

        return text.ToString();
    }

    private static string ReadKey(string text, ref int i)
    {
        if (i < text.Length && text[i] == '"')
        {
            var key = new StringBuilder();
            for (i++; i < text.Length; i++)
            {
                if (text[i] == '"')
                {
                    i++;
                    return key.ToString();
                }

                if (text[i] == '\\')
                {
                    if (i + 1 >= text.Length || text[i + 1] is not ('"' or '\\'))
                    {
                        throw Invalid(text, i, "inside quotes only \\\" and \\\\ are escapes");
                    }

                    i++;
                }

                key.Append(text[i]);
            }

            throw Invalid(text, i, "a quoted key is missing its closing quote");
        }

        var start = i;
        while (i < text.Length && !IsSpecial(text[i]))
        {
            i++;
        }

        if (i == start)
        {
            throw Invalid(text, i, i < text.Length && char.IsWhiteSpace(text[i])
                ? "a key with white space goes in double quotes"
                : "a key is missing; write keys separated by single dots");
        }

        return text[start..i];
    }

    private static bool IsSpecial(char c) => c is '.' or '[' or ']' or '"' || char.IsWhiteSpace(c);

    private static bool NeedsQuotes(string key) => key.Length == 0 || key.Any(IsSpecial) || key.Contains('\\', StringComparison.Ordinal);

    private static ReleaseException Invalid(string text, int position, string problem) =>
        new($"YAML path '{text}' is not valid at character {position + 1}: {problem} (e.g. images[0].newTag or annotations.\"app.kubernetes.io/name\")");
}

/// <summary>One step of a <see cref="YamlPath"/>: a mapping key or a sequence index.</summary>
public abstract record YamlPathSegment
{
    private YamlPathSegment()
    {
    }

    /// <summary>The value under <paramref name="Name"/> in a mapping.</summary>
    /// <param name="Name">The key, compared with the key's value as YAML reads it (quotes and escapes resolved).</param>
    public sealed record MappingKey(string Name) : YamlPathSegment;

    /// <summary>The entry at <paramref name="Position"/> (from 0) of a sequence.</summary>
    /// <param name="Position">Zero-based index.</param>
    public sealed record SequenceIndex(int Position) : YamlPathSegment;
}
