using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace Cake.Release.Manifests;

/// <summary>
/// Where one service's entry stands in the text of an environment manifest, found without reading the YAML: the
/// lines from its key under <c>services:</c> to the next line indented as far or less. A manifest history reads
/// each revision's entry from these lines alone, and not at all when they are the same bytes as the revision
/// before: the cost of a 10,000-revision history is then a byte search per revision, not a YAML tree of every
/// service per revision.
/// </summary>
/// <remarks>
/// Only text the release tasks write is vouched for: block style, plain keys, LF endings. Anything that could make
/// the same lines mean something else, or hide the key (a flow collection, an anchor or alias, an escape, a tab, a
/// CR, a byte-order mark, a document marker, a quoted or repeated key, a top-level key between <c>services:</c> and the entry) makes
/// the answer <see cref="ServiceEntryPlace.Unknown"/>, and the caller reads the whole manifest as before.
/// </remarks>
internal static class ServiceEntryText
{
    private static readonly SearchValues<byte> Unvouched = SearchValues.Create("{[*&\\\t\r"u8);

    /// <summary>Where <paramref name="service"/>'s entry stands in <paramref name="text"/> (UTF-8): its byte range when found.</summary>
    /// <remarks>
    /// Compiled optimized from the first call: a history calls it once per revision in a short-lived process, where
    /// tiered compilation would run most of those calls unoptimized.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (ServiceEntryPlace Place, Range Lines) Find(ReadOnlySpan<byte> text, string service)
    {
        var unknown = (ServiceEntryPlace.Unknown, default(Range));
        if (text.IndexOfAny(Unvouched) >= 0 || text.StartsWith("\uFEFF"u8) || text.StartsWith("---"u8) || text.IndexOf("\n---"u8) >= 0 || text.IndexOf("\n..."u8) >= 0)
        {
            return unknown;
        }

        var services = text.StartsWith("services:"u8) ? 0 : text.IndexOf("\nservices:"u8) + 1;
        if (services <= 0 && !text.StartsWith("services:"u8))
        {
            return unknown;
        }

        var first = NextLine(text, services);
        if (!Blank(text[(services + "services:".Length)..first]) || text[first..].IndexOf("\nservices:"u8) >= 0)
        {
            return unknown;
        }

        // The services' keys are indented as the first line under services: that holds something.
        var line = first;
        while (line < text.Length && Blank(text[line..NextLine(text, line)]))
        {
            line = NextLine(text, line);
        }

        var indent = Indent(text[line..]);
        var name = Encoding.UTF8.GetBytes(service);
        if (indent == 0)
        {
            // services: holds nothing.
            return text.IndexOf(name) < 0 ? (ServiceEntryPlace.Absent, default) : unknown;
        }

        var key = new byte[indent + name.Length + 2];
        key.AsSpan(1, indent).Fill((byte)' ');
        (key[0], key[^1]) = ((byte)'\n', (byte)':');
        name.CopyTo(key, indent + 1);
        var found = text[(first - 1)..].IndexOf(key);
        if (found < 0)
        {
            return text.IndexOf(name) < 0 ? (ServiceEntryPlace.Absent, default) : unknown;
        }

        var start = first + found;
        var after = start + key.Length - 1;
        if (after < text.Length && text[after] is not ((byte)' ' or (byte)'\n'))
        {
            return unknown;
        }

        // Every line between services: and the entry must belong to services: (no top-level key closed it).
        for (line = first; line < start; line = NextLine(text, line))
        {
            if (!Blank(text[line..NextLine(text, line)]) && Indent(text[line..]) == 0)
            {
                return unknown;
            }
        }

        var end = NextLine(text, start);
        while (end < text.Length)
        {
            var next = NextLine(text, end);
            if (!Blank(text[end..next]) && Indent(text[end..]) <= indent)
            {
                break;
            }

            end = next;
        }

        // A second key of the same name: YAML would not take it, so neither does the shortcut.
        return text[(end - 1)..].IndexOf(key) >= 0 ? unknown : (ServiceEntryPlace.Found, start..end);
    }

    // The start of the line after the one holding offset (or the end of the text).
    private static int NextLine(ReadOnlySpan<byte> text, int offset)
    {
        var newline = text[offset..].IndexOf((byte)'\n');
        return newline < 0 ? text.Length : offset + newline + 1;
    }

    private static int Indent(ReadOnlySpan<byte> line)
    {
        var spaces = line.IndexOfAnyExcept((byte)' ');
        return spaces < 0 ? line.Length : spaces;
    }

    // Nothing but spaces, or a comment: a line that neither opens nor closes a key.
    private static bool Blank(ReadOnlySpan<byte> line)
    {
        var content = line.TrimStart((byte)' ');
        return content.IsEmpty || content[0] is (byte)'\n' or (byte)'#';
    }
}
