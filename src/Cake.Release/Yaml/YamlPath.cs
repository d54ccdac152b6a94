using System.Globalization;
using System.Text;

namespace Cake.Release.Yaml;

/// <summary>
/// The address of a value inside a YAML document: mapping keys separated by dots and sequence indexes in brackets,
/// as in <c>image.tag</c>, <c>images[0].newTag</c> or <c>spec.source.targetRevision</c>. A key holding a dot, a
/// bracket, an equals sign, a quote or white space is written in double quotes, with <c>\"</c> and <c>\\</c> as its
/// only escapes: <c>metadata.annotations."app.kubernetes.io/name"</c>.
/// </summary>
/// <remarks>
/// <para>
/// A selector <c>[key=value]</c> picks the one entry of a sequence whose <c>key</c> (itself a dotted path of keys)
/// holds <c>value</c>: <c>spec.sources[repoURL=https://x].targetRevision</c>, <c>items[metadata.name=blue-dev]</c>.
/// The value runs from the first <c>=</c> to the closing bracket, so dots, slashes, colons and further <c>=</c> need
/// no quotes; a value that holds <c>]</c> or <c>"</c>, starts or ends with white space, or is empty is written in
/// double quotes with the same two escapes: <c>[metadata.name="a]b"]</c>, <c>[name=""]</c>. Keys and values are
/// compared as YAML reads them (quotes resolved), character for character.
/// </para>
/// <para>
/// A selector at the very start of the path picks a document of a multi-document stream (Argo CD Applications
/// separated by <c>---</c>): <c>[metadata.name=blue-staging].spec.source.targetRevision</c>. In a stream of one
/// document whose root is a sequence it picks an entry of that sequence instead, as <c>[0]</c> does.
/// </para>
/// <para>
/// A selector that matches nothing, or more than one entry (or document), is an error naming the selector and the
/// values found; entries are never created for it.
/// </para>
/// </remarks>
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
        if (segments.Length == 0 || segments.Any(s => s is YamlPathSegment.SequenceIndex { Position: < 0 } or YamlPathSegment.ItemSelector { Key.Count: 0 }))
        {
            throw new ArgumentException("a YAML path needs at least one segment, no negative index and no selector without a key", nameof(segments));
        }

        return new YamlPath(segments.ToArray());
    }

    /// <summary>Reads path text such as <c>images[0].newTag</c>, <c>annotations."a.b/c"</c> or <c>[metadata.name=blue-dev].spec.source.targetRevision</c>.</summary>
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
                segments.Add(ReadBracket(text, ref i));
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
                case YamlPathSegment.ItemSelector selector:
                    text.Append('[').Append(string.Join('.', selector.Key.Select(FormatKey))).Append('=')
                        .Append(ValueNeedsQuotes(selector.Value) ? Quoted(selector.Value) : selector.Value).Append(']');
                    break;
                case YamlPathSegment.MappingKey key:
                    if (text.Length > 0)
                    {
                        text.Append('.');
                    }

                    text.Append(FormatKey(key.Name));
                    break;
            }
        }

        return text.ToString();
    }

    // `[0]` or `[key.path=value]`, from the opening bracket to past the closing one.
    private static YamlPathSegment ReadBracket(string text, ref int i)
    {
        var open = i;
        var close = text.IndexOf(']', i);
        var inside = close < 0 ? "" : text[(i + 1)..close];
        if (inside.Length > 0 && inside.All(char.IsAsciiDigit))
        {
            if (!int.TryParse(inside, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                throw Invalid(text, open, "the index is too large");
            }

            i = close + 1;
            return new YamlPathSegment.SequenceIndex(index);
        }

        if (text.IndexOf('=', i) < 0)
        {
            throw Invalid(text, open, "an index is a number in brackets, such as [0], and a selector is [key=value], such as [metadata.name=blue-dev]");
        }

        i++;
        var key = new List<string>();
        while (true)
        {
            key.Add(ReadKey(text, ref i, inSelector: true));
            if (i < text.Length && text[i] == '.')
            {
                i++;
                continue;
            }

            if (i < text.Length && text[i] == '=')
            {
                i++;
                break;
            }

            throw Invalid(text, i, "a selector is [key=value], such as [metadata.name=blue-dev]; quote a key that holds '=' or white space");
        }

        string value;
        if (i < text.Length && text[i] == '"')
        {
            value = ReadQuoted(text, ref i, "value");
        }
        else
        {
            var end = text.IndexOf(']', i);
            value = end < 0 ? "" : text[i..end];
            if (value.Length == 0 || value.Contains('"', StringComparison.Ordinal) || value.Trim().Length != value.Length)
            {
                throw Invalid(text, i, "a selector's value goes up to the closing bracket; write an empty value, or one with '\"' or white space at its ends, in double quotes, e.g. [name=\"\"]");
            }

            i = end;
        }

        if (i >= text.Length || text[i] != ']')
        {
            throw Invalid(text, i, "a selector ends with ']' right after its value");
        }

        i++;
        return new YamlPathSegment.ItemSelector(key, value);
    }

    private static string ReadKey(string text, ref int i, bool inSelector = false)
    {
        if (i < text.Length && text[i] == '"')
        {
            return ReadQuoted(text, ref i, "key");
        }

        var start = i;
        while (i < text.Length && !IsSpecial(text[i]) && !(inSelector && text[i] == '='))
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

    private static string ReadQuoted(string text, ref int i, string what)
    {
        var value = new StringBuilder();
        for (i++; i < text.Length; i++)
        {
            if (text[i] == '"')
            {
                i++;
                return value.ToString();
            }

            if (text[i] == '\\')
            {
                if (i + 1 >= text.Length || text[i + 1] is not ('"' or '\\'))
                {
                    throw Invalid(text, i, "inside quotes only \\\" and \\\\ are escapes");
                }

                i++;
            }

            value.Append(text[i]);
        }

        throw Invalid(text, i, $"a quoted {what} is missing its closing quote");
    }

    private static bool IsSpecial(char c) => c is '.' or '[' or ']' or '"' || char.IsWhiteSpace(c);

    // '=' ends a key inside a selector, so a key holding one is quoted everywhere (Parse reads both back alike).
    private static bool NeedsQuotes(string key) => key.Length == 0 || key.Any(IsSpecial) || key.Contains('\\', StringComparison.Ordinal) || key.Contains('=', StringComparison.Ordinal);

    private static bool ValueNeedsQuotes(string value) =>
        value.Length == 0 || value.Trim().Length != value.Length || value.Contains('"', StringComparison.Ordinal) || value.Contains(']', StringComparison.Ordinal) || value.Contains('\\', StringComparison.Ordinal);

    private static string FormatKey(string key) => NeedsQuotes(key) ? Quoted(key) : key;

    private static string Quoted(string text) => $"\"{text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";

    private static ReleaseException Invalid(string text, int position, string problem) =>
        new($"YAML path '{text}' is not valid at character {position + 1}: {problem} (e.g. images[0].newTag, annotations.\"app.kubernetes.io/name\" or items[metadata.name=blue-dev].spec)");
}

/// <summary>One step of a <see cref="YamlPath"/>: a mapping key, a sequence index or a selector of one entry by a key's value.</summary>
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

    /// <summary>
    /// The one entry of a sequence (or, first in a path, the one document of a stream) whose value at
    /// <paramref name="Key"/> is <paramref name="Value"/>: <c>[metadata.name=blue-dev]</c>.
    /// </summary>
    /// <param name="Key">The mapping keys from the entry down to the compared value.</param>
    /// <param name="Value">The value compared with, as YAML reads it.</param>
    public sealed record ItemSelector(IReadOnlyList<string> Key, string Value) : YamlPathSegment
    {
        /// <summary>The key path as path text, e.g. <c>metadata.name</c>.</summary>
        public string KeyText => YamlPath.Of(Key.Select(k => (YamlPathSegment)new MappingKey(k)).ToArray()).ToString();

        /// <inheritdoc/>
        public bool Equals(ItemSelector? other) => other is not null && Key.SequenceEqual(other.Key) && Value == other.Value;

        /// <inheritdoc/>
        public override int GetHashCode() => HashCode.Combine(string.Join('\0', Key), Value);
    }
}
