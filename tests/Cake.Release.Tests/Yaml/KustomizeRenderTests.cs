using Cake.Release.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Cake.Release.Tests.Yaml;

/// <summary>Every kustomization the corpus edits still renders with the real <c>kubectl kustomize</c>, and the image it renders is the one set.</summary>
public sealed class KustomizeRenderTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: shop
        spec:
          selector:
            matchLabels: {app: shop}
          template:
            metadata:
              labels: {app: shop}
            spec:
              containers:
                - name: blue
                  image: blue
                - name: green
                  image: green:1.0.0

        """;

    public static TheoryData<string> Kustomizations() => [.. CorpusCase.Names().Where(name => CorpusCase.Load(name).Renders)];

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public void Kubectl_kustomize_renders_the_edited_overlay_with_the_image_set(string name)
    {
        var corpus = CorpusCase.Load(name);
        var image = corpus.Image;
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "base"));
        File.WriteAllText(Path.Combine(folder.Path, "base", "deployment.yaml"), Deployment);
        File.WriteAllText(Path.Combine(folder.Path, "base", "kustomization.yaml"), "resources:\n  - deployment.yaml\n");
        Directory.CreateDirectory(Path.Combine(folder.Path, "overlay"));
        File.WriteAllText(Path.Combine(folder.Path, "overlay", "kustomization.yaml"), corpus.Apply());

        var render = ProcessRun.Start("kubectl", ["kustomize", "overlay"], folder.Path);

        Assert.True(render.ExitCode == 0, render.ToString());
        var rendered = RenderedImage(render.Output, image.Name);
        if (image.NewName is { } newName)
        {
            Assert.StartsWith(newName + (image.Digest is null ? ":" : "@"), rendered);
        }

        if (image.Digest is { } digest)
        {
            Assert.EndsWith("@" + digest, rendered);
        }
        else if (image.NewTag is { } tag)
        {
            Assert.EndsWith(":" + tag, rendered);
        }
    }

    private static string RenderedImage(string rendered, string container)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(rendered));
        var deployment = (YamlMappingNode)stream.Documents.Single().RootNode;
        var containers = (YamlSequenceNode)deployment["spec"]["template"]["spec"]["containers"];
        var entry = containers.Cast<YamlMappingNode>().Single(c => ((YamlScalarNode)c["name"]).Value == container);
        return ((YamlScalarNode)entry["image"]).Value!;
    }
}
