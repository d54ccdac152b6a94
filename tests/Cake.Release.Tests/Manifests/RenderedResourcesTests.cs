using Cake.Release.Manifests;

namespace Cake.Release.Tests.Manifests;

/// <summary>Splitting what a renderer prints into one file per object, byte for byte.</summary>
public sealed class RenderedResourcesTests
{
    private const string Output = """
        apiVersion: v1
        kind: Service
        metadata:
          labels:
            app: blue
          name: blue
          namespace: shop-dev
        ---
        # a comment kubectl would not print, kept as printed
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: blue
          namespace: shop-dev
        spec:
          replicas: 2
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: blue
          namespace: shop-canary

        """;

    [Fact]
    public void Each_object_keeps_its_text_and_gets_a_file_named_by_kind_and_name_with_the_namespace_only_where_needed()
    {
        var resources = RenderedResources.Split(Output);

        Assert.Equal(["Service/blue", "Deployment/blue", "Deployment/blue"], resources.Select(r => $"{r.Kind}/{r.Name}"));
        Assert.Equal("blue", resources[0].Labels["app"]);
        Assert.Empty(resources[1].Labels);
        Assert.Equal(Output, string.Join("---\n", resources.Select(r => r.Text)));
        Assert.Equal(["service-blue.yaml", "shop-dev-deployment-blue.yaml", "shop-canary-deployment-blue.yaml"], RenderedResources.Files(resources).Select(f => f.File));
    }

    [Fact]
    public void A_document_that_is_no_kubernetes_object_is_refused()
    {
        var error = Assert.Throws<ReleaseException>(() => RenderedResources.Split("just: a map\n"));
        Assert.Contains("not a Kubernetes object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_that_would_leave_the_folder_stays_one_file_name()
    {
        var files = RenderedResources.Files(RenderedResources.Split("kind: ConfigMap\nmetadata:\n  name: ../../etc\n"));
        Assert.Equal("configmap-.._.._etc.yaml", files.Single().File);
    }
}
