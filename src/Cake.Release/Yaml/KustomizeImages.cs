using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace Cake.Release.Yaml;

/// <summary>
/// Sets a kustomization's <c>images:</c> entries (name, newName, newTag, digest) by surgery: the entry whose
/// <c>name</c> matches gets only the fields given, other entries and fields stay as written, and a missing entry
/// is added in the style of the existing ones.
/// </summary>
public static partial class KustomizeImages
{
    private static readonly YamlPathSegment Images = new YamlPathSegment.MappingKey("images");

    /// <summary>Sets the fields of <paramref name="image"/> in the <c>images:</c> entry of the same name, adding the entry (and the list) when missing.</summary>
    /// <returns>The edited kustomization; the very same string instance when every field already holds its value.</returns>
    /// <exception cref="ReleaseException">The image has no name, no field to set, or a digest that is not one.</exception>
    /// <exception cref="YamlEditException">Invalid YAML, or <c>images</c> is not a list.</exception>
    public static string SetImage(string kustomizationText, KustomizeImage image)
    {
        ArgumentNullException.ThrowIfNull(kustomizationText);
        ArgumentNullException.ThrowIfNull(image);
        var fields = Validate(image);

        var documents = SourceReader.Read(kustomizationText);
        var root = documents.Count > 0 ? documents[0].Root : null;
        if (root is not (MappingNode { IsFlow: false } or null))
        {
            throw new YamlEditException(root.Line, root.Column, $"a kustomization is a block mapping of fields, and this one is {root.Kind}; write it as `key: value` lines");
        }

        var images = (root as MappingNode)?.Find("images");
        if (images is SequenceNode sequence)
        {
            var index = sequence.Items.ToList().FindIndex(item => item is MappingNode entry && entry.Find("name") is ScalarNode name && name.Value == image.Name);
            return index >= 0
                ? SetFields(kustomizationText, index, fields)
                : AppendEntry(kustomizationText, sequence, image.Name, fields);
        }

        var newline = TextLayout.NewlineOf(kustomizationText);
        switch (images)
        {
            case null when root is MappingNode mapping:
                var indent = mapping.Entries[0].Key.Column - 1;
                return TextLayout.InsertLinesAfter(kustomizationText, mapping.ContentEnd(kustomizationText),
                    [new string(' ', indent) + "images:", .. EntryLines(image.Name, fields, indent, indent + 2)], newline);
            case null:
                var lines = string.Join(newline, ["images:", .. EntryLines(image.Name, fields, 0, 2)]);
                return kustomizationText.Length == 0 || kustomizationText.EndsWith('\n') ? kustomizationText + lines + newline : kustomizationText + newline + lines;
            case ScalarNode { IsEmpty: true, OwnerKey: { } key } empty:
                // `images:` with no entries yet: the first entry in kustomize's own style, `-` under the key.
                var keyIndent = key.Column - 1;
                return TextLayout.InsertLinesAfter(kustomizationText, empty.Start, EntryLines(image.Name, fields, keyIndent, keyIndent + 2), newline);
            default:
                throw new YamlEditException(images.Line, images.Column, $"images is {images.Kind}, but kustomize expects a list of `- name:` entries; fix the images field");
        }
    }

    private static string SetFields(string text, int index, IReadOnlyList<(string Key, string Value)> fields)
    {
        foreach (var (key, value) in fields)
        {
            text = YamlDocumentEditor.SetScalar(text, YamlPath.Of(Images, new YamlPathSegment.SequenceIndex(index), new YamlPathSegment.MappingKey(key)), value, YamlSetOptions.CreatingMissing);
        }

        return text;
    }

    private static string AppendEntry(string text, SequenceNode sequence, string name, IReadOnlyList<(string Key, string Value)> fields)
    {
        if (sequence.IsFlow)
        {
            var entry = "{" + string.Join(", ", Pairs(name, fields).Select(p => $"{p.Key}: {ScalarWriter.Write(p.Value, ScalarStyle.Any, inFlow: true, "\n", 0)}")) + "}";
            return sequence.Items.Count == 0
                ? text.Insert(sequence.End, entry)
                : text.Insert(sequence.Items[^1].ContentEnd(text), ", " + entry);
        }

        // Same layout as the entries there: where the dash sits (under `images:` or indented) and where keys start.
        var dash = sequence.Column - 1;
        var keys = sequence.Items.OfType<MappingNode>().FirstOrDefault(m => !m.IsFlow && m.Entries.Count > 0)?.Entries[0].Key.Column - 1 ?? dash + 2;
        return TextLayout.InsertLinesAfter(text, sequence.ContentEnd(text), EntryLines(name, fields, dash, keys), TextLayout.NewlineOf(text));
    }

    private static List<string> EntryLines(string name, IReadOnlyList<(string Key, string Value)> fields, int dash, int keys) =>
        Pairs(name, fields).Select((pair, i) =>
            (i == 0 ? new string(' ', dash) + "-" + new string(' ', Math.Max(1, keys - dash - 1)) : new string(' ', keys))
            + pair.Key + ": " + ScalarWriter.Write(pair.Value, ScalarStyle.Any, inFlow: false, "\n", 0)).ToList();

    private static IEnumerable<(string Key, string Value)> Pairs(string name, IReadOnlyList<(string Key, string Value)> fields) =>
        fields.Prepend(("name", name));

    private static List<(string Key, string Value)> Validate(KustomizeImage image)
    {
        if (string.IsNullOrWhiteSpace(image.Name))
        {
            throw new ReleaseException("a kustomize image needs the name the resources use (such as `blue` or `registry.example.com/acme/blue`); set it");
        }

        if (image.Digest is { } digest && !DigestShape().IsMatch(digest))
        {
            throw new ReleaseException($"'{digest}' for image {image.Name} is not a digest; write algorithm:hex, such as sha256: and 64 hex digits");
        }

        List<(string Key, string? Value)> fields = [("newName", image.NewName), ("newTag", image.NewTag), ("digest", image.Digest)];
        var given = fields.Where(f => f.Value is not null).Select(f => (f.Key, f.Value!)).ToList();
        if (given.Count == 0)
        {
            throw new ReleaseException($"nothing to set for image {image.Name}: give a newName, a newTag or a digest");
        }

        return given;
    }

    [GeneratedRegex("^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$")]
    private static partial Regex DigestShape();
}
