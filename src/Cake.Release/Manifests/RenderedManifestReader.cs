using System.Globalization;

namespace Cake.Release.Manifests;

/// <summary>
/// Reads a manifest whose text is exactly what <see cref="EnvironmentManifest.Render"/> writes, line by line and
/// without building a YAML tree: the manifests the release tasks write are read about ten times faster (Status reads
/// every environment's whole manifest, 2.6 MB at 10,000 services; every GitOps write and Rollback read one too).
/// </summary>
/// <remarks>
/// Each entry is rendered back and compared with its own lines, the header too, and the entries must stand in the
/// order and uniqueness rendering gives them. So the answer is a manifest whose rendering is the text itself, and
/// that rendering reads back as the same manifest through the YAML reader: the round trip every write already relies
/// on. Anything else (a comment, a key out of order or unknown, another quoting or date style, a blank line, CR
/// endings) answers null and the caller reads the text with <see cref="ManifestReader"/>, which also names the line
/// of anything wrong.
/// </remarks>
internal static class RenderedManifestReader
{
    private const string EnvironmentKey = "environment: ";
    private const string EntryIndent = "  ";
    private const string FieldIndent = "    ";

    public static EnvironmentManifest? TryRead(string text)
    {
        var at = 0;
        if (NextLine(text, ref at) is not { } header || !header.StartsWith(EnvironmentKey, StringComparison.Ordinal)
            || Scalar(header[EnvironmentKey.Length..]) is not { } environment || YamlScalar.Write(environment) != header[EnvironmentKey.Length..])
        {
            return null;
        }

        var services = NextLine(text, ref at);
        var entries = new List<KeyValuePair<string, ManifestEntry>>();
        if (services == "services: {}")
        {
            return at == text.Length ? EnvironmentManifest.FromParts(environment, entries, new Dictionary<string, string>(), []) : null;
        }

        if (services != "services:")
        {
            return null;
        }

        while (at < text.Length)
        {
            var start = at;
            if (Entry(text, ref at) is not var (name, entry)
                || (entries.Count > 0 && string.CompareOrdinal(entries[^1].Key, name) >= 0)
                || !text.AsSpan(start, at - start).SequenceEqual(EnvironmentManifest.RenderEntry(name, entry)))
            {
                return null;
            }

            entries.Add(new(name, entry));
        }

        // "services:" over nothing is YAML null: the reader's business, as is every shape rendering does not write.
        return entries.Count == 0 ? null : EnvironmentManifest.FromParts(environment, entries, new Dictionary<string, string>(), []);
    }

    // "  <service>:" and its "    <key>: <value>" lines; null where a line is not of that shape or a key is not one Render writes.
    private static (string Name, ManifestEntry Entry)? Entry(string text, ref int at)
    {
        if (NextLine(text, ref at) is not { } key || !key.StartsWith(EntryIndent, StringComparison.Ordinal) || !key.EndsWith(':')
            || Scalar(key[EntryIndent.Length..^1]) is not { Length: > 0 } name || name[0] == ' ')
        {
            return null;
        }

        string? version = null, image = null, digest = null, commit = null, config = null, deployed = null, by = null, from = null;
        while (at < text.Length && text.AsSpan(at).StartsWith(FieldIndent, StringComparison.Ordinal))
        {
            var line = NextLine(text, ref at);
            var colon = line?.IndexOf(": ", FieldIndent.Length, StringComparison.Ordinal) ?? -1;
            if (colon < 0 || Scalar(line![(colon + 2)..]) is not { } value)
            {
                return null;
            }

            switch (line[FieldIndent.Length..colon])
            {
                case "version": version = value; break;
                case "image": image = value; break;
                case "digest": digest = value; break;
                case "commit": commit = value; break;
                case "config": config = value; break;
                case "deployed": deployed = value; break;
                case "by": by = value; break;
                case "from": from = value; break;
                default: return null;
            }
        }

        if (version is null || !DateTimeOffset.TryParseExact(deployed, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var when))
        {
            return null;
        }

        return (name, new ManifestEntry(version, image, digest, commit, when, by, from, config));
    }

    // A line without its LF; null at the end of the text or for a last line without one (Render ends every line).
    private static string? NextLine(string text, ref int at)
    {
        var end = text.IndexOf('\n', at);
        if (end < 0)
        {
            return null;
        }

        var line = text[at..end];
        at = end + 1;
        return line;
    }

    // A plain scalar as it stands, a double-quoted one without escapes as its inside; any other form is not Render's.
    private static string? Scalar(string written) =>
        written.Length > 0 && written[0] is '"'
            ? written.Length >= 2 && written[^1] == '"' && written.AsSpan(1, written.Length - 2).IndexOfAny('"', '\\') < 0 ? written[1..^1] : null
            : written.Length > 0 && written[0] is not '\'' ? written : null;
}
