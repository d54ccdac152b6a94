using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cake.Release.Manifests;

/// <summary>One Kubernetes object as a renderer printed it, with what picks and names it.</summary>
/// <param name="Kind">Its <c>kind</c>.</param>
/// <param name="Name">Its <c>metadata.name</c>.</param>
/// <param name="Namespace">Its <c>metadata.namespace</c>, if any.</param>
/// <param name="Labels">Its <c>metadata.labels</c>.</param>
/// <param name="Text">The document's text, exactly as printed, ending in a line break.</param>
public sealed record RenderedResource(string Kind, string Name, string? Namespace, IReadOnlyDictionary<string, string> Labels, string Text);

/// <summary>
/// The objects of a rendered configuration (what <c>kubectl kustomize</c> or <c>helm template</c> prints): split into
/// documents without re-serialising them, so the files committed are byte for byte what the renderer printed, and
/// named one file per object (<c>deployment-blue.yaml</c>), so a diff on the branch shows which object changed.
/// </summary>
public static class RenderedResources
{
    /// <summary>The objects of a multi-document stream, in the order printed; empty documents are skipped.</summary>
    /// <exception cref="YamlException">A document is not YAML.</exception>
    /// <exception cref="ReleaseException">A document is not a Kubernetes object (no kind or metadata.name).</exception>
    public static IReadOnlyList<RenderedResource> Split(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var resources = new List<RenderedResource>();
        foreach (var text in Documents(output.Replace("\r\n", "\n", StringComparison.Ordinal)))
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                continue;
            }

            var metadata = Child(root, "metadata") as YamlMappingNode;
            var kind = Scalar(root, "kind");
            var name = metadata is null ? null : Scalar(metadata, "name");
            if (kind is null || name is null)
            {
                throw new ReleaseException($"the renderer printed a document that is not a Kubernetes object (no kind or metadata.name): {text.Split('\n')[0]}");
            }

            var labels = (metadata is not null && Child(metadata, "labels") is YamlMappingNode map ? map.Children : Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
                .Where(pair => pair.Key is YamlScalarNode && pair.Value is YamlScalarNode)
                .ToDictionary(pair => ((YamlScalarNode)pair.Key).Value!, pair => ((YamlScalarNode)pair.Value).Value ?? "", StringComparer.Ordinal);
            resources.Add(new RenderedResource(kind, name, Scalar(metadata!, "namespace"), labels, text));
        }

        return resources;
    }

    /// <summary>
    /// One file per object: <c>&lt;kind&gt;-&lt;name&gt;.yaml</c> in lower case, with the namespace in front where two
    /// objects of one kind and name live in different namespaces.
    /// </summary>
    public static IReadOnlyList<(string File, string Text)> Files(IReadOnlyList<RenderedResource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var plain = resources.Select(r => $"{r.Kind}-{r.Name}".ToLowerInvariant()).ToList();
        var files = new List<(string, string)>();
        for (var i = 0; i < resources.Count; i++)
        {
            var clash = plain.Count(p => p == plain[i]) > 1;
            var name = clash && resources[i].Namespace is { } ns ? $"{ns.ToLowerInvariant()}-{plain[i]}" : plain[i];
            files.Add((Safe(name) + ".yaml", resources[i].Text));
        }

        var twice = files.GroupBy(f => f.Item1, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return twice is null ? files
            : throw new ReleaseException($"the renderer printed two objects that both make {twice.Key}; give them distinct names");
    }

    // Kubernetes names are DNS labels, but a rendered name is still a file name here: keep it one path segment.
    private static string Safe(string name) => string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '_'));

    private static IEnumerable<string> Documents(string output)
    {
        var current = new System.Text.StringBuilder();
        foreach (var line in output.Split('\n'))
        {
            if (line == "---" || line.StartsWith("--- ", StringComparison.Ordinal))
            {
                if (current.ToString().Trim().Length > 0)
                {
                    yield return current.ToString();
                }

                current.Clear();
                continue;
            }

            current.Append(line).Append('\n');
        }

        var last = current.ToString().TrimEnd('\n');
        if (last.Trim().Length > 0)
        {
            yield return last + "\n";
        }
    }

    private static YamlNode? Child(YamlMappingNode map, string key) => map.Children.TryGetValue(key, out var value) ? value : null;

    private static string? Scalar(YamlMappingNode map, string key) => Child(map, key) is YamlScalarNode { Value: { Length: > 0 } value } ? value : null;
}
