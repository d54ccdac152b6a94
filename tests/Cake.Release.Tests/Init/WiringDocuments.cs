using Cake.Release.Config;
using Cake.Release.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Cake.Release.Tests.Init;

/// <summary>
/// The Argo CD and Flux objects under a deploy/ folder, parsed with YamlDotNet, and the check that they meet what the
/// promotions write: for each rendered environment of a loaded release.yaml, an ApplicationSet over the environment's
/// branch whose directories are the folders <see cref="RenderConfig.PathFor"/> gives, and a Flux GitRepository on the
/// same branch with a Kustomization over their parent folder. Shared by the example's tests and Init's.
/// </summary>
public sealed class WiringDocuments
{
    private WiringDocuments(IReadOnlyList<YamlMappingNode> documents) => Documents = documents;

    /// <summary>Every YAML document of every .yaml file under the folder (kustomization.yaml files too: all must parse).</summary>
    public IReadOnlyList<YamlMappingNode> Documents { get; }

    public static WiringDocuments Read(string folder)
    {
        var documents = new List<YamlMappingNode>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories))
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(file)));
            documents.AddRange(stream.Documents.Select(d => Assert.IsType<YamlMappingNode>(d.RootNode)));
        }

        return new WiringDocuments(documents);
    }

    public IReadOnlyList<YamlMappingNode> OfKind(string apiVersion, string kind) =>
        Documents.Where(d => Text(d, "apiVersion") == apiVersion && Text(d, "kind") == kind).ToList();

    /// <summary>
    /// Asserts the wiring of every environment that renders, and returns the Argo CD Application names each service
    /// gets (environment → service → name) so a test can check them against what it expects.
    /// </summary>
    /// <param name="config">The loaded release.yaml the wiring must agree with.</param>
    /// <param name="namespaceOf">The namespace the overlays give an environment's resources.</param>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> AssertMeets(ReleaseConfig config, Func<EnvironmentConfig, string> namespaceOf)
    {
        var rendered = config.Environments.Where(e => e.Render is not null).ToList();
        Assert.NotEmpty(rendered);
        var applicationSets = OfKind("argoproj.io/v1alpha1", "ApplicationSet");
        var repositories = OfKind("source.toolkit.fluxcd.io/v1", "GitRepository");
        var kustomizations = OfKind("kustomize.toolkit.fluxcd.io/v1", "Kustomization");
        Assert.Equal(rendered.Count, applicationSets.Count);
        Assert.Equal(rendered.Count, repositories.Count);
        Assert.Equal(rendered.Count, kustomizations.Count);

        var names = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var environment in rendered)
        {
            // Every service's folder sits in one parent: the folder a generator and a Kustomization can watch.
            var folders = config.Services.Select(s => environment.Render!.PathFor(s.Name, environment.Name)).ToList();
            var parent = Assert.Single(folders.Select(f => f[..f.LastIndexOf('/')]).Distinct());
            Assert.Equal($"rendered/{environment.Name}", parent);

            var set = Assert.Single(applicationSets, a => Text(a, "spec.generators.0.git.revision") == environment.Branch);
            Assert.Equal("true", Text(set, "spec.goTemplate"));
            Assert.Equal($"{parent}/*", Text(Assert.Single(Sequence(set, "spec.generators.0.git.directories")), "path"));
            Assert.Equal(environment.Branch, Text(set, "spec.template.spec.source.targetRevision"));
            Assert.Equal("{{.path.path}}", Text(set, "spec.template.spec.source.path"));
            Assert.Equal(Text(set, "spec.generators.0.git.repoURL"), Text(set, "spec.template.spec.source.repoURL"));
            Assert.Equal(namespaceOf(environment), Text(set, "spec.template.spec.destination.namespace"));
            Assert.Equal("true", Text(set, "spec.template.spec.syncPolicy.automated.prune"));
            var name = Text(set, "spec.template.metadata.name");
            names[environment.Name] = config.Services.ToDictionary(
                s => s.Name,
                s => name.Replace("{{.path.basename}}", Path.GetFileName(environment.Render!.PathFor(s.Name, environment.Name)), StringComparison.Ordinal),
                StringComparer.Ordinal);

            var repository = Assert.Single(repositories, r => Text(r, "spec.ref.branch") == environment.Branch);
            Assert.Equal(Text(set, "spec.generators.0.git.repoURL"), Text(repository, "spec.url"));
            var kustomization = Assert.Single(kustomizations, k => Text(k, "spec.sourceRef.name") == Text(repository, "metadata.name"));
            Assert.Equal("GitRepository", Text(kustomization, "spec.sourceRef.kind"));
            Assert.Equal(Text(repository, "metadata.namespace"), Text(kustomization, "metadata.namespace"));
            Assert.Equal($"./{parent}", Text(kustomization, "spec.path"));
            Assert.Equal("true", Text(kustomization, "spec.prune"));
        }

        // One Argo CD namespace holds every environment's Applications: no two may share a name.
        var all = names.Values.SelectMany(n => n.Values).ToList();
        Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
        return names;
    }

    /// <summary>The scalar at a dotted path (numbers index sequences), failing the test when it is not there.</summary>
    public static string Text(YamlNode node, string path)
    {
        var at = Node(node, path);
        return Assert.IsType<YamlScalarNode>(at, exactMatch: false).Value ?? string.Empty;
    }

    public static IReadOnlyList<YamlNode> Sequence(YamlNode node, string path) => Assert.IsType<YamlSequenceNode>(Node(node, path)).Children.ToList();

    private static YamlNode Node(YamlNode node, string path)
    {
        var at = node;
        foreach (var part in path.Split('.'))
        {
            at = at switch
            {
                YamlMappingNode map when map.Children.TryGetValue(new YamlScalarNode(part), out var child) => child,
                YamlSequenceNode list when int.TryParse(part, out var i) && i < list.Children.Count => list.Children[i],
                _ => throw new Xunit.Sdk.XunitException($"{path}: no {part} in\n{node}"),
            };
        }

        return at;
    }
}
