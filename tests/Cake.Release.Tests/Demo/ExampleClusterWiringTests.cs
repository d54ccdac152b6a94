using Cake.Release.Config;
using Cake.Release.Manifests;
using Cake.Release.Tests.Infrastructure;
using Cake.Release.Tests.Init;
using YamlDotNet.RepresentationModel;

namespace Cake.Release.Tests.Demo;

/// <summary>
/// examples/monorepo/deploy: the Argo CD ApplicationSets and Flux Kustomizations point each environment at its branch
/// and at the folders its promotions render to, as the example's release.yaml (loaded as the tasks load it) says.
/// </summary>
public sealed class ExampleClusterWiringTests
{
    private static readonly string Example = Path.Combine(RepositoryPaths.Root, "examples", "monorepo");

    [Fact]
    public void Each_environment_is_watched_on_its_branch_over_the_folders_its_promotions_render_into()
    {
        var config = ReleaseConfigLoader.Load(Path.Combine(Example, "release.yaml"));
        var wiring = WiringDocuments.Read(Path.Combine(Example, "deploy"));

        var names = wiring.AssertMeets(config, NamespaceTheOverlayGives);

        Assert.Equal(["dev", "staging", "production"], names.Keys);
        Assert.Equal("blue-production", names["production"]["blue"]);
        Assert.Equal("red-dev", names["dev"]["red"]);
    }

    [Theory]
    [InlineData("argocd", "ApplicationSet", 3)]
    [InlineData("flux", "GitRepository", 3)]
    [InlineData("flux", "Kustomization", 3)]
    public void Each_folder_builds_as_Kubernetes_objects_with_kustomize(string folder, string kind, int count)
    {
        var build = ProcessRun.Start("kubectl", ["kustomize", Path.Combine("deploy", folder)], Example);

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Equal(count, build.Output.Split('\n').Count(line => line == $"kind: {kind}"));
    }

    // What the overlay really deploys: the namespace of the service's resources in `kubectl kustomize`'s output,
    // one for every service of the environment (an ApplicationSet has one destination namespace).
    private static string NamespaceTheOverlayGives(EnvironmentConfig environment)
    {
        var config = ReleaseConfigLoader.Load(Path.Combine(Example, "release.yaml"));
        var builds = new Dictionary<string, List<YamlMappingNode>>(StringComparer.Ordinal);
        var namespaces = new HashSet<string>(StringComparer.Ordinal);
        foreach (var service in config.Services)
        {
            var overlay = environment.Render!.OverlayFor(service.Name, environment.Name)!;
            var selector = LabelSelector.Parse(environment.Render.SelectorFor(service.Name, environment.Name)!);
            if (!builds.TryGetValue(overlay, out var resources))
            {
                var build = ProcessRun.Start("kubectl", ["kustomize", overlay], Example);
                Assert.True(build.ExitCode == 0, build.ToString());
                var stream = new YamlStream();
                stream.Load(new StringReader(build.Output));
                builds[overlay] = resources = stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
            }

            var picked = resources.Where(d => selector.Matches(Labels(d))).ToList();
            Assert.NotEmpty(picked);
            namespaces.UnionWith(picked.Select(d => WiringDocuments.Text(d, "metadata.namespace")));
        }

        return Assert.Single(namespaces);
    }

    private static Dictionary<string, string> Labels(YamlMappingNode resource) =>
        resource.Children.TryGetValue(new YamlScalarNode("metadata"), out var metadata)
        && ((YamlMappingNode)metadata).Children.TryGetValue(new YamlScalarNode("labels"), out var labels)
            ? ((YamlMappingNode)labels).Children.ToDictionary(l => ((YamlScalarNode)l.Key).Value!, l => ((YamlScalarNode)l.Value).Value ?? string.Empty, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
}
