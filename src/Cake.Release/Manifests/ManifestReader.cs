using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Cake.Release.Manifests;

/// <summary>Reads the text of an environment manifest into an <see cref="EnvironmentManifest"/>, or refuses it with its line.</summary>
internal static class ManifestReader
{
    private static readonly string[] TopKeys = ["environment", "services"];

    public static EnvironmentManifest Read(string text, string source)
    {
        var root = Root(text, source);
        var lines = text.Split('\n');
        var topKeys = root.Children.Select(c => c.Key).ToList();

        var environment = Scalar(Value(root, "environment")
            ?? throw new ManifestFormatException(source, (int)root.Start.Line, "the manifest has no environment: key"), "environment", source);

        var parsed = new List<KeyValuePair<string, ManifestEntry>>();
        var verbatim = new Dictionary<string, string>();
        if (Value(root, "services") is { } servicesNode && !IsNull(servicesNode))
        {
            if (servicesNode is not YamlMappingNode services)
            {
                throw new ManifestFormatException(source, (int)servicesNode.Start.Line, "services: must be a mapping of service names to entries");
            }

            var serviceKeys = services.Children.Select(c => c.Key).ToList();
            for (var i = 0; i < serviceKeys.Count; i++)
            {
                var keyNode = serviceKeys[i];
                var name = Scalar(keyNode, "services", source);
                parsed.Add(new(name, ReadEntry(name, services.Children[keyNode], source)));

                if (services.Style != MappingStyle.Flow && Block(lines, keyNode, i + 1 < serviceKeys.Count ? serviceKeys[i + 1] : Next(topKeys, servicesNode), wanted: 2) is { } block)
                {
                    verbatim[name] = block;
                }
            }
        }

        // Keys a newer version added at the top level travel along unchanged, in their original order.
        var extras = new List<string>();
        if (root.Style != MappingStyle.Flow)
        {
            for (var i = 0; i < topKeys.Count; i++)
            {
                if (topKeys[i] is YamlScalarNode { Value: { } key } && !TopKeys.Contains(key)
                    && Block(lines, topKeys[i], i + 1 < topKeys.Count ? topKeys[i + 1] : null, wanted: 0) is { } block)
                {
                    extras.Add(block);
                }
            }
        }

        return EnvironmentManifest.FromParts(environment, parsed, verbatim, extras);
    }

    private static YamlMappingNode Root(string text, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ManifestFormatException(source, (int)e.Start.Line, $"not valid YAML at column {e.Start.Column} ({e.Message.TrimEnd('.')})");
        }
        catch (InvalidOperationException)
        {
            throw new ManifestFormatException(source, 1, "not valid YAML (a malformed [..] or {..} collection)");
        }

        if (stream.Documents.Count != 1)
        {
            var line = stream.Documents.Count == 0 ? 1 : (int)stream.Documents[1].RootNode.Start.Line;
            throw new ManifestFormatException(source, line, stream.Documents.Count == 0 ? "the manifest is empty" : "the manifest holds more than one YAML document");
        }

        var root = stream.Documents[0].RootNode;
        return root as YamlMappingNode
            ?? throw new ManifestFormatException(source, (int)root.Start.Line, "the manifest must be a mapping with environment: and services:");
    }

    private static ManifestEntry ReadEntry(string service, YamlNode node, string source)
    {
        if (node is not YamlMappingNode entry)
        {
            throw new ManifestFormatException(source, (int)node.Start.Line, $"services.{service} must be a mapping with version: and deployed: (and image: for a service with an image)");
        }

        string Required(string key) => Scalar(Value(entry, key) is { } v && !IsNull(v)
            ? v
            : throw new ManifestFormatException(source, (int)node.Start.Line, $"services.{service} has no {key}:"), $"services.{service}.{key}", source);

        string? Optional(string key) => Value(entry, key) is { } v && !IsNull(v) ? Scalar(v, $"services.{service}.{key}", source) : null;

        var deployedText = Required("deployed");
        if (!DateTimeOffset.TryParse(deployedText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var deployed))
        {
            throw new ManifestFormatException(source, (int)Value(entry, "deployed")!.Start.Line,
                $"services.{service}.deployed \"{deployedText}\" is not a time like 2025-01-20T10:04:00Z");
        }

        return new ManifestEntry(Required("version"), Optional("image"), Optional("digest"), Optional("commit"), deployed, Optional("by"), Optional("from"), Optional("config"));
    }

    private static YamlNode? Value(YamlMappingNode map, string key) =>
        map.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: var v } && v == key).Value;

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private static string Scalar(YamlNode node, string key, string source) =>
        node is YamlScalarNode { Value: { } value }
            ? value
            : throw new ManifestFormatException(source, (int)node.Start.Line, $"{key} must be a single value, not a {(node is YamlSequenceNode ? "list" : "mapping")}");

    // The first top-level key after a value starts: where the services block ends.
    private static YamlNode? Next(IEnumerable<YamlNode> keys, YamlNode value) =>
        keys.Where(k => k.Start.Index > value.Start.Index).OrderBy(k => k.Start.Index).FirstOrDefault();

    // The lines from a block key to the line before the next key (or the end), trailing blank lines dropped,
    // re-indented so the key sits where Render puts it; null when the lines cannot be moved as a block.
    private static string? Block(string[] lines, YamlNode key, YamlNode? next, int wanted)
    {
        var first = (int)key.Start.Line - 1;
        var end = next is null ? lines.Length : (int)next.Start.Line - 1;
        if (next is not null && next.Start.Line == key.Start.Line)
        {
            return null;
        }

        var block = lines[first..end].ToList();
        while (block.Count > 0 && string.IsNullOrWhiteSpace(block[^1]))
        {
            block.RemoveAt(block.Count - 1);
        }

        var column = (int)key.Start.Column - 1;
        if (block.Count == 0 || block.Any(l => l.Trim().Length > 0 && l.Length - l.TrimStart(' ').Length < column))
        {
            return null;
        }

        return string.Concat(block.Select(l => (l.Trim().Length == 0 ? string.Empty : new string(' ', wanted) + l[column..]) + "\n"));
    }
}
