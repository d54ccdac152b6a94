using System.Globalization;
using System.Text;

namespace Cake.Release.Manifests;

/// <summary>
/// What runs in one environment: <c>release-manifests/&lt;env&gt;.yaml</c> on the environment's branch.
/// Immutable; <see cref="WithEntry"/> returns a new manifest.
/// </summary>
/// <remarks>
/// A newer Cake.Release may write keys this one does not know. So that an older pipeline never erases them, an
/// entry read by <see cref="Parse"/> and not replaced is rendered from its original lines, unknown keys and comments
/// included (re-indented to this file's two spaces when needed); so are unknown top-level keys, after
/// <c>services:</c>. A replaced entry is written fresh: keys a newer version added described the old image, not the
/// new one. An entry in flow style (<c>{ … }</c> spanning lines shared with others) is written fresh as well.
/// </remarks>
public sealed class EnvironmentManifest
{
    private const string Indent = "  ";
    private readonly SortedDictionary<string, ManifestEntry> _entries;
    private readonly IReadOnlyDictionary<string, string> _verbatim;
    private readonly IReadOnlyList<string> _extraKeys;

    private EnvironmentManifest(string environment, SortedDictionary<string, ManifestEntry> entries, IReadOnlyDictionary<string, string> verbatim, IReadOnlyList<string> extraKeys)
    {
        Environment = environment;
        _entries = entries;
        _verbatim = verbatim;
        _extraKeys = extraKeys;
    }

    /// <summary>The environment the manifest describes.</summary>
    public string Environment { get; }

    /// <summary>The entries by service name; enumerates in ordinal name order, the order they are written in.</summary>
    public IReadOnlyDictionary<string, ManifestEntry> Services => _entries;

    /// <summary>A manifest with no services, for an environment whose branch or file does not exist yet.</summary>
    /// <param name="environment">The environment name.</param>
    public static EnvironmentManifest Empty(string environment) =>
        new(environment, new SortedDictionary<string, ManifestEntry>(StringComparer.Ordinal), new Dictionary<string, string>(), []);

    /// <summary>Reads a manifest; anything that is not YAML of the §4 shape is a <see cref="ManifestFormatException"/>.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="source">How errors name the file, e.g. <c>origin/gitops/staging-releases:release-manifests/staging.yaml</c>.</param>
    public static EnvironmentManifest Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        return RenderedManifestReader.TryRead(lines) ?? ManifestReader.Read(lines, source);
    }

    /// <summary>The entry of a service, or null when the service does not run in this environment.</summary>
    /// <param name="service">The service name.</param>
    public ManifestEntry? Entry(string service) => _entries.GetValueOrDefault(service);

    /// <summary>The manifest with <paramref name="service"/>'s entry set to <paramref name="entry"/>; other entries are untouched.</summary>
    /// <param name="service">The service name.</param>
    /// <param name="entry">Its new entry.</param>
    public EnvironmentManifest WithEntry(string service, ManifestEntry entry)
    {
        ArgumentException.ThrowIfNullOrEmpty(service);
        if (Entry(service) == entry)
        {
            return this;
        }

        var next = new SortedDictionary<string, ManifestEntry>(_entries, StringComparer.Ordinal) { [service] = entry };
        var kept = _verbatim.Where(v => v.Key != service).ToDictionary(v => v.Key, v => v.Value);
        return new EnvironmentManifest(Environment, next, kept, _extraKeys);
    }

    /// <summary>
    /// The manifest as YAML, always the same text for the same content: keys in §4 order, services in name order,
    /// versions and times quoted, LF line endings. Changing one entry changes only that entry's lines.
    /// </summary>
    public string Render()
    {
        var text = new StringBuilder();
        text.Append("environment: ").Append(YamlScalar.Write(Environment)).Append('\n');
        text.Append(_entries.Count == 0 ? "services: {}\n" : "services:\n");
        foreach (var (service, entry) in _entries)
        {
            text.Append(_verbatim.TryGetValue(service, out var original) ? original : RenderEntry(service, entry));
        }

        foreach (var extra in _extraKeys)
        {
            text.Append(extra);
        }

        return text.ToString();
    }

    /// <summary>The YAML of one entry under <c>services:</c>.</summary>
    internal static string RenderEntry(string service, ManifestEntry entry)
    {
        var text = new StringBuilder();
        text.Append(Indent).Append(YamlScalar.Write(service)).Append(":\n");
        Line(text, "version", YamlScalar.Write(entry.Version, quote: true));
        Line(text, "image", entry.Image is null ? null : YamlScalar.Write(entry.Image));
        Line(text, "digest", entry.Digest is null ? null : YamlScalar.Write(entry.Digest));
        Line(text, "commit", entry.Commit is null ? null : YamlScalar.Write(entry.Commit));
        Line(text, "config", entry.Config is null ? null : YamlScalar.Write(entry.Config));
        Line(text, "deployed", YamlScalar.Write(entry.Deployed.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), quote: true));
        Line(text, "by", entry.By is null ? null : YamlScalar.Write(entry.By));
        Line(text, "from", entry.From is null ? null : YamlScalar.Write(entry.From));
        return text.ToString();
    }

    /// <summary>Builds a parsed manifest, keeping the original text of its entries and unknown top-level keys.</summary>
    internal static EnvironmentManifest FromParts(string environment, IEnumerable<KeyValuePair<string, ManifestEntry>> parsed, IReadOnlyDictionary<string, string> verbatim, IReadOnlyList<string> extraKeys)
    {
        var sorted = new SortedDictionary<string, ManifestEntry>(StringComparer.Ordinal);
        foreach (var (service, entry) in parsed)
        {
            sorted[service] = entry;
        }

        return new EnvironmentManifest(environment, sorted, verbatim, extraKeys);
    }

    private static void Line(StringBuilder text, string key, string? value)
    {
        if (value is not null)
        {
            text.Append(Indent).Append(Indent).Append(key).Append(": ").Append(value).Append('\n');
        }
    }
}
