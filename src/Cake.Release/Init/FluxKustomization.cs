namespace Cake.Release.Init;

/// <summary>
/// Flux objects for one environment in rendered mode: a GitRepository on the environment's branch and a Kustomization
/// over the folder holding every service's rendered files. The folder has no kustomization.yaml, so Flux generates one
/// over all the manifests below it; prune deletes what a later commit removed.
/// </summary>
internal static class FluxKustomization
{
    public static string Render(WatchedEnvironment environment)
    {
        var scalar = StarterConfigRenderer.Scalar;
        var text = new WiringText()
            .Comment($"Flux: the {environment.Environment} branch, and the rendered folder Cake.Release writes there.")
            .Comment($"Each promotion into {environment.Environment} commits {environment.Folder}/<service>/*.yaml (plain manifests, image pinned by")
            .Comment($"digest) to {environment.Branch} (release.yaml, environments.{environment.Environment}.branch).")
            .Add("apiVersion: source.toolkit.fluxcd.io/v1")
            .Add("kind: GitRepository")
            .Add("metadata:")
            .Add($"  name: {scalar(environment.Name)}")
            .Add("  namespace: flux-system")
            .Add("spec:")
            .Add("  interval: 1m")
            .Add($"  url: {scalar(environment.Url)}", environment.UrlIsPlaceholder ? "REPLACE with this repository's URL (the remote git.remote names)" : "git.remote's URL, as git remote get-url printed it")
            .Add("  ref:")
            .Add($"    branch: {scalar(environment.Branch)}")
            .Add("---")
            .Add("apiVersion: kustomize.toolkit.fluxcd.io/v1")
            .Add("kind: Kustomization")
            .Add("metadata:")
            .Add($"  name: {scalar(environment.Name)}")
            .Add("  namespace: flux-system")
            .Add("spec:")
            .Add("  interval: 5m")
            .Add("  sourceRef:")
            .Add("    kind: GitRepository")
            .Add($"    name: {scalar(environment.Name)}")
            .Add($"  path: {scalar("./" + environment.Folder)}", "every service's folder; Flux generates the kustomization")
            .Add("  prune: true", "a resource dropped from the rendered folder is deleted");
        return environment.Namespace is { } name
            ? text.Add($"  targetNamespace: {scalar(name)}", $"as the {environment.Environment} overlays set it").ToString()
            : text.Add("  # targetNamespace: unset, since the overlays set several namespaces and each resource keeps its own").ToString();
    }
}
