using System.Globalization;
using Cake.Release.Hosting;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cake.Release.Config;

/// <summary>
/// Typed reads from <c>release.yaml</c>'s node tree. Every read knows its node, so every refusal carries the file,
/// the line and the dotted key; the first mistake ends the load, as one line.
/// </summary>
internal sealed class ConfigReader(string file)
{
    public string File { get; } = file;

    public static string Join(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";

    public ConfigLocation At(YamlNode node, string key) => new(File, (int)node.Start.Line, key);

    public ReleaseConfigException Error(YamlNode node, string key, string message) => new(At(node, key), message);

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    public YamlMappingNode Mapping(YamlNode node, string key, string example) =>
        node as YamlMappingNode
        ?? throw Error(node, key, $"{key} must be a mapping of keys, not {Describe(node)}; write it as {example}");

    public YamlSequenceNode Sequence(YamlNode node, string key, string example) =>
        node as YamlSequenceNode
        ?? throw Error(node, key, $"{key} must be a list, not {Describe(node)}; write it as {example}");

    /// <summary>The entries of a mapping with their scalar keys, refusing keys that are not <paramref name="allowed"/>.</summary>
    public IReadOnlyList<(string Name, YamlNode Key, YamlNode Value)> Entries(YamlMappingNode map, string key, IReadOnlyList<string>? allowed, string what)
    {
        var entries = new List<(string, YamlNode, YamlNode)>();
        foreach (var (k, v) in map.Children)
        {
            if (k is not YamlScalarNode { Value: { } name })
            {
                throw Error(k, key, $"{key} has a key that is {Describe(k)}; keys must be plain names");
            }

            if (allowed is not null && !allowed.Contains(name))
            {
                var closest = ClosestNames.For(name, allowed, 1);
                var fix = closest.Count > 0 ? $"did you mean {closest[0]}?" : $"the keys here are {string.Join(", ", allowed)}";
                throw Error(k, Join(key, name), $"{Join(key, name)} is not {what}; {fix}");
            }

            entries.Add((name, k, v));
        }

        return entries;
    }

    public static YamlNode? Optional(YamlMappingNode map, string name)
    {
        var found = map.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: var v } && v == name);
        return found.Value is null || IsNull(found.Value) ? null : found.Value;
    }

    public YamlNode Required(YamlMappingNode map, YamlNode owner, string parent, string name, string example) =>
        Optional(map, name) ?? throw Error(owner, Join(parent, name), $"{Join(parent, name)} is missing; add {example}");

    public string Text(YamlNode node, string key)
    {
        if (node is YamlScalarNode { Value: { } value })
        {
            return value;
        }

        throw Error(node, key, $"{key} must be a text value, not {Describe(node)}; write {key[(key.LastIndexOf('.') + 1)..]}: <value>");
    }

    public string? OptionalText(YamlMappingNode map, string parent, string name, Func<string, string?>? check = null)
    {
        if (Optional(map, name) is not { } node)
        {
            return null;
        }

        var key = Join(parent, name);
        var text = Text(node, key);
        if (check?.Invoke(text) is { } problem)
        {
            // A URL's user info may be a token: the message shows the value with it masked.
            throw Error(node, key, $"{key} \"{Secrets.SecretRedactor.MaskUserInfo(text)}\" {problem}");
        }

        return text;
    }

    public int? OptionalCount(YamlMappingNode map, string parent, string name, string unit)
    {
        if (Optional(map, name) is not { } node)
        {
            return null;
        }

        var key = Join(parent, name);
        if (node is YamlScalarNode { Value: { } text } && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return count;
        }

        if (node is YamlScalarNode { Value: { } negative } && int.TryParse(negative, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var below) && below < 0)
        {
            throw Error(node, key, $"{key} is {negative}, but a number of {unit} cannot be negative; write {name}: 0 for none, or e.g. {name}: 2");
        }

        throw Error(node, key, $"{key} must be a whole number of {unit}, not {Describe(node)}; write e.g. {name}: 2");
    }

    public bool? OptionalFlag(YamlMappingNode map, string parent, string name)
    {
        if (Optional(map, name) is not { } node)
        {
            return null;
        }

        var key = Join(parent, name);
        return node is YamlScalarNode { Value: { } text } && bool.TryParse(text, out var flag)
            ? flag
            : throw Error(node, key, $"{key} must be true or false, not {Describe(node)}; write {name}: true");
    }

    public TagTemplate? OptionalTemplate(YamlMappingNode map, string parent, string name)
    {
        if (Optional(map, name) is not { } node)
        {
            return null;
        }

        return Template(node, Join(parent, name));
    }

    public TagTemplate Template(YamlNode node, string key)
    {
        var text = Text(node, key);
        var location = At(node, key);
        var problem = TagTemplate.TryParse(text, location, out var template);
        return problem is null ? template! : throw new ReleaseConfigException(location, $"{key} \"{text}\" {problem}");
    }

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s when IsNull(s) => "empty",
        YamlScalarNode { Value: var v } => $"\"{v}\"",
        _ => "an alias",
    };

    /// <summary>" did you mean X?" when a known name is close to the one written, else nothing.</summary>
    public static string Suggest(string wanted, IEnumerable<string> names)
    {
        var closest = ClosestNames.For(wanted, names, 1);
        return closest.Count > 0 ? $" did you mean {closest[0]}?" : string.Empty;
    }
}
