using Cake.Release.Config;
using Cake.Release.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cake.Release.Manifests;

/// <summary>
/// The image names an overlay's own <c>images:</c> entries see: the names the containers of its resources use, after
/// the <c>images:</c> entries of the kustomizations below it (bases, other overlays, components) renamed them, as
/// kustomize applies them. Pure: files are read through a function, so it works on a branch's git objects.
/// </summary>
public static class KustomizationTree
{
    private static readonly string[] KustomizationNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

    /// <summary>The kustomization file of a folder, or null when the folder has none.</summary>
    public static string? KustomizationFile(string directory, Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return KustomizationNames.Select(name => Join(directory, name)).FirstOrDefault(path => read(path) is not null);
    }

    /// <summary>What the resources of the overlay in <paramref name="directory"/> (relative to the repository root) bring to its <c>images:</c> entries.</summary>
    public static OverlayInput Read(string directory, Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var unresolved = new List<string>();
        var text = KustomizationFile(directory, read) is { } file ? read(file)! : "";
        var names = Inputs(directory, text, read, unresolved, [directory]);
        return new OverlayInput(names.Distinct(StringComparer.Ordinal).ToList(), unresolved);
    }

    // The names leaving a kustomization: its inputs with its own images: entries applied.
    private static List<string> Outputs(string directory, Func<string, string?> read, List<string> unresolved, HashSet<string> visiting)
    {
        if (!visiting.Add(directory))
        {
            return [];
        }

        var text = read(KustomizationFile(directory, read)!)!;
        var names = Apply(Entries(text, directory, unresolved), Inputs(directory, text, read, unresolved, visiting));
        visiting.Remove(directory);
        return names;
    }

    private static List<string> Inputs(string directory, string text, Func<string, string?> read, List<string> unresolved, HashSet<string> visiting)
    {
        var kustomization = Parse(text, directory, unresolved);
        var names = new List<string>();
        foreach (var resource in List(kustomization, "resources").Concat(List(kustomization, "bases")))
        {
            names.AddRange(Resource(directory, resource, read, unresolved, visiting));
        }

        // A component adds its resources and then renames what the kustomization has gathered so far.
        foreach (var component in List(kustomization, "components"))
        {
            var path = Resolve(directory, component);
            if (path is null || KustomizationFile(path, read) is not { } file)
            {
                unresolved.Add(component);
                continue;
            }

            var componentText = read(file)!;
            names.AddRange(Inputs(path, componentText, read, unresolved, visiting));
            names = Apply(Entries(componentText, path, unresolved), names);
        }

        if (kustomization?.Children.ContainsKey("helmCharts") == true)
        {
            unresolved.Add($"{directory}: helmCharts");
        }

        return names;
    }

    private static IEnumerable<string> Resource(string directory, string resource, Func<string, string?> read, List<string> unresolved, HashSet<string> visiting)
    {
        var path = Resolve(directory, resource);
        if (path is not null && read(path) is { } file)
        {
            try
            {
                return ContainerImages.In(file).Select(image => image.Name);
            }
            catch (YamlException)
            {
                unresolved.Add(resource);
                return [];
            }
        }

        if (path is not null && KustomizationFile(path, read) is not null)
        {
            return Outputs(path, read, unresolved, visiting);
        }

        unresolved.Add(resource); // a URL, or a path the branch lacks
        return [];
    }

    // kustomize applies the entries one after another: a later entry sees the names an earlier one wrote.
    private static List<string> Apply(IReadOnlyList<KustomizeImage> entries, List<string> names) =>
        names.Select(name => entries.Aggregate(name, (current, entry) => entry.Name == current ? entry.NewName ?? current : current)).ToList();

    private static IReadOnlyList<KustomizeImage> Entries(string text, string directory, List<string> unresolved)
    {
        try
        {
            return KustomizeImages.Entries(text);
        }
        catch (YamlEditException)
        {
            unresolved.Add($"{directory}: images");
            return [];
        }
    }

    private static YamlMappingNode? Parse(string text, string directory, List<string> unresolved)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode;
        }
        catch (YamlException)
        {
            unresolved.Add(directory);
            return null;
        }
    }

    private static IEnumerable<string> List(YamlMappingNode? kustomization, string key) =>
        kustomization is not null && kustomization.Children.TryGetValue(key, out var node) && node is YamlSequenceNode list
            ? list.Children.OfType<YamlScalarNode>().Select(item => item.Value ?? "").Where(item => item.Length > 0)
            : [];

    // A path relative to the kustomization, as a repository path; null for a URL or a path leaving the repository.
    private static string? Resolve(string directory, string relative) =>
        relative.Contains("://", StringComparison.Ordinal) || relative.StartsWith('/') ? null : RepositoryPath.Normalize(Join(directory, relative)).Path;

    private static string Join(string directory, string name) => directory is "" or "." ? name : $"{directory.TrimEnd('/')}/{name}";
}

/// <summary>The image names an overlay's <c>images:</c> entries see, and what could not be read to know them.</summary>
/// <param name="ImageNames">The names, without tag or digest, as the overlay's kustomize sees them.</param>
/// <param name="Unresolved">Resources read from elsewhere (URLs), missing, not YAML, or Helm charts: their images are unknown.</param>
public sealed record OverlayInput(IReadOnlyList<string> ImageNames, IReadOnlyList<string> Unresolved);
