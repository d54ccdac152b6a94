namespace Cake.Release.Init;

/// <summary>
/// An Argo CD ApplicationSet for one environment in rendered mode: its git directory generator lists the service
/// folders on the environment's branch (<c>rendered/&lt;env&gt;/*</c>), and each becomes an Application that applies the
/// folder's plain manifests, with automated sync and prune, so a promotion is deployed by its commit alone.
/// </summary>
internal static class ArgoCdApplicationSet
{
    public static string Render(WatchedEnvironment environment)
    {
        var scalar = StarterConfigRenderer.Scalar;
        var url = environment.UrlIsPlaceholder ? "REPLACE with this repository's URL (the remote git.remote names)" : "git.remote's URL, as git remote get-url printed it";
        var text = new WiringText()
            .Comment($"Argo CD: one Application per service folder Cake.Release renders onto the {environment.Environment} branch.")
            .Comment($"Each promotion into {environment.Environment} commits {environment.Folder}/<service>/*.yaml (plain manifests, image pinned by")
            .Comment($"digest) to {environment.Branch} (release.yaml, environments.{environment.Environment}.branch); the generator")
            .Comment("below finds those folders there.")
            .Add("apiVersion: argoproj.io/v1alpha1")
            .Add("kind: ApplicationSet")
            .Add("metadata:")
            .Add($"  name: {scalar(environment.Name)}")
            .Add("  namespace: argocd", "where Argo CD runs")
            .Add("spec:")
            .Add("  goTemplate: true")
            .Add("  goTemplateOptions: [\"missingkey=error\"]")
            .Add("  generators:")
            .Add("    - git:")
            .Add($"        repoURL: {scalar(environment.Url)}", url)
            .Add($"        revision: {scalar(environment.Branch)}")
            .Add("        directories:")
            .Add($"          - path: {scalar(environment.Folder + "/*")}", $"{environment.Folder}/<service>: one folder per service")
            .Add("  template:")
            .Add("    metadata:")
            .Add($"      name: '{{{{.path.basename}}}}-{environment.Environment}'", "<service>-" + environment.Environment)
            .Add("    spec:")
            .Add("      project: default")
            .Add("      source:")
            .Add($"        repoURL: {scalar(environment.Url)}", environment.UrlIsPlaceholder ? "REPLACE, as above" : null)
            .Add($"        targetRevision: {scalar(environment.Branch)}")
            .Add("        path: '{{.path.path}}'", "plain YAML: Argo CD applies the files as they are")
            .Add("      destination:")
            .Add("        server: https://kubernetes.default.svc");
        text = environment.Namespace is { } name
            ? text.Add($"        namespace: {scalar(name)}", $"as the {environment.Environment} overlays set it")
            : text.Add($"        namespace: {scalar(environment.Environment)}", "only for resources naming none: the overlays set several");
        return text
            .Add("      syncPolicy:")
            .Add("        automated:")
            .Add("          prune: true", "a resource dropped from the rendered folder is deleted")
            .Add("          selfHeal: true")
            .Add("        syncOptions:")
            .Add("          - CreateNamespace=true")
            .ToString();
    }
}
