namespace Cake.Release.Tests.Infrastructure;

/// <summary>
/// A small monorepo on a bare origin, as the seeds describe it: services under projects/, a release.yaml with the
/// dev → staging → production chain, a Kustomize base with a production overlay, and Helm values for production.
/// </summary>
public static class Monorepo
{
    public const string Overlay = """
        # Production overlay: the pipeline owns images:, people own the rest.
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources:
          - ../../base
        images:
          - name: green
            newTag: "1.0.0"   # pinned by hand
        """ + "\n";

    public const string HelmValues = """
        # Values for production
        blue:
          replicas: 3   # scaled for the launch
          image:
            repository: registry.example.com/acme/blue
            tag: "1.0.0"
        """ + "\n";

    public static GitRemote Create(int extraServices = 0)
    {
        var services = new[] { "blue", "green" }.Concat(Enumerable.Range(0, extraServices).Select(i => $"svc{i:00}")).ToList();
        var files = new Dictionary<string, string>
        {
            ["release.yaml"] = ReleaseYaml(services),
            ["k8s/base/kustomization.yaml"] = "resources:\n  - deployment.yaml\n",
            ["k8s/base/deployment.yaml"] = Deployment(),
            ["k8s/overlays/production/kustomization.yaml"] = Overlay,
            ["helm/values-production.yaml"] = HelmValues,
        };
        foreach (var service in services)
        {
            files[$"projects/{service}/Dockerfile"] = "FROM scratch\n";
        }

        return new GitRemote(files);
    }

    private static string ReleaseYaml(IEnumerable<string> services) => $"""
        version: 1
        registry: registry.example.com/acme
        environments:
          dev:
            branch: gitops/dev-auto-update
            auto: true
            imageTag: dev
          staging:
            branch: gitops/staging-releases
            from: dev
            imageTag: stg
          production:
            branch: gitops/production-releases
            from: staging
            imageTag: prd
            updates:
              - kustomize: k8s/overlays/production
              - file: helm/values-production.yaml
                path: "{"{service}"}.image.tag"
        services:
        {string.Join("", services.Select(s => $"  {s}:\n    path: projects/{s}\n"))}
        """;

    private static string Deployment() => """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: shop
        spec:
          selector:
            matchLabels: { app: shop }
          template:
            metadata:
              labels: { app: shop }
            spec:
              containers:
                - name: blue
                  image: blue
                - name: green
                  image: green
        """ + "\n";
}
