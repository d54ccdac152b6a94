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
        ArgumentNullException.ThrowIfNull(image);
        var index = Entries(kustomizationText).ToList().FindIndex(entry => entry.Name == image.Name);
        return index >= 0 ? SetEntry(kustomizationText, index, image) : AddEntry(kustomizationText, image);
    }

    /// <summary>The <c>images:</c> entries in file order (kustomize applies them in this order); empty when there are none.</summary>
    /// <exception cref="YamlEditException">Invalid YAML, or <c>images</c> is not a list.</exception>
    public static IReadOnlyList<KustomizeImage> Entries(string kustomizationText)
    {
        if (ImagesNode(kustomizationText) is not SequenceNode sequence)
        {
            return [];
        }

        return sequence.Items.Select(item => item is MappingNode entry
            ? new KustomizeImage(Field(entry, "name") ?? "", Field(entry, "newName"), Field(entry, "newTag"), Field(entry, "digest"))
            : new KustomizeImage("")).ToList();
    }

    /// <summary>Sets the fields of <paramref name="image"/> (its name aside) in the <paramref name="index"/>th <c>images:</c> entry.</summary>
    /// <returns>The edited kustomization; the very same string instance when every field already holds its value.</returns>
    public static string SetEntry(string kustomizationText, int index, KustomizeImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var fields = Fields(image);
        return ImagesNode(kustomizationText) is SequenceNode sequence && index >= 0 && index < sequence.Items.Count
            ? SetFields(kustomizationText, index, fields)
            : throw new ArgumentOutOfRangeException(nameof(index), index, "no images: entry there");
    }

    /// <summary>Adds an <c>images:</c> entry for <paramref name="image"/> after the others (so kustomize applies it last), adding the list when missing.</summary>
    public static string AddEntry(string kustomizationText, KustomizeImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var fields = Validate(image);
        var root = Root(kustomizationText);
        var images = (root as MappingNode)?.Find("images");
        var newline = TextLayout.NewlineOf(kustomizationText);
        switch (images)
        {
            case SequenceNode sequence:
                return AppendEntry(kustomizationText, sequence, image.Name, fields);
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
                throw NotAList(images);
        }
    }

    private static SourceNode? Root(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var documents = SourceReader.Read(text);
        var root = documents.Count > 0 ? documents[0].Root : null;
        return root is MappingNode { IsFlow: false } or null
            ? root
            : throw new YamlEditException(root.Line, root.Column, $"a kustomization is a block mapping of fields, and this one is {root.Kind}; write it as `key: value` lines");
    }

    private static SourceNode? ImagesNode(string text)
    {
        var images = (Root(text) as MappingNode)?.Find("images");
        return images is null or SequenceNode or ScalarNode { IsEmpty: true } ? images : throw NotAList(images);
    }

    private static YamlEditException NotAList(SourceNode images) =>
        new(images.Line, images.Column, $"images is {images.Kind}, but kustomize expects a list of `- name:` entries; fix the images field");

    private static string? Field(MappingNode entry, string key) => entry.Find(key) is ScalarNode { IsEmpty: false } scalar ? scalar.Value : null;

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

        return Fields(image);
    }

    private static List<(string Key, string Value)> Fields(KustomizeImage image)
    {
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
