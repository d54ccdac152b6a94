using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cake.Release.Manifests;

/// <summary>One container (or initContainer) of a Kubernetes object and the image it runs.</summary>
/// <param name="Workload">The object, as <c>Kind/name</c>.</param>
/// <param name="Container">The container's name.</param>
/// <param name="Image">The image as written: <c>host:port/path/name[:tag][@digest]</c>.</param>
public sealed record ContainerImage(string Workload, string Container, string Image)
{
    /// <summary>
    /// The image name kustomize's <c>images:</c> entries match: the reference without its digest and tag. A colon
    /// after the last slash starts the tag; one before it is a registry port.
    /// </summary>
    public static string NameOf(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var name = image.Split('@', 2)[0];
        var colon = name.LastIndexOf(':');
        return colon > name.LastIndexOf('/') ? name[..colon] : name;
    }

    /// <summary>The image's name (<see cref="NameOf"/>).</summary>
    public string Name => NameOf(Image);
}

/// <summary>
/// Finds the images of every <c>containers</c> and <c>initContainers</c> list at any depth of Kubernetes objects, the
/// fields kustomize's <c>images:</c> transformer changes (Pods, Deployments, CronJobs, custom resources alike).
/// </summary>
public static class ContainerImages
{
    /// <summary>Every container image in the YAML documents of <paramref name="text"/>, in document order.</summary>
    /// <exception cref="YamlException">The text is not YAML.</exception>
    public static IReadOnlyList<ContainerImage> In(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var images = new List<ContainerImage>();
        foreach (var root in stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>())
        {
            var workload = $"{Scalar(root, "kind") ?? "?"}/{(root.Children.TryGetValue("metadata", out var metadata) && metadata is YamlMappingNode m ? Scalar(m, "name") : null) ?? "?"}";
            Collect(root, workload, images);
        }

        return images;
    }

    private static void Collect(YamlNode node, string workload, List<ContainerImage> images)
    {
        var children = node switch
        {
            YamlMappingNode mapping => mapping.Children.Select(pair => (Key: (pair.Key as YamlScalarNode)?.Value, Node: pair.Value)),
            YamlSequenceNode sequence => sequence.Children.Select(child => (Key: (string?)null, Node: child)),
            _ => [],
        };
        foreach (var (key, child) in children)
        {
            if (key is "containers" or "initContainers" && child is YamlSequenceNode list)
            {
                images.AddRange(list.Children.OfType<YamlMappingNode>()
                    .Where(container => Scalar(container, "image") is { Length: > 0 })
                    .Select(container => new ContainerImage(workload, Scalar(container, "name") ?? "?", Scalar(container, "image")!)));
            }
            else
            {
                Collect(child, workload, images);
            }
        }
    }

    private static string? Scalar(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(key, out var value) && value is YamlScalarNode scalar ? scalar.Value : null;
}
