using Cake.Release.Config;

namespace Cake.Release.Init;

/// <summary>
/// The Argo CD and Flux files that point a cluster at what rendered mode writes: for each environment that renders,
/// <c>deploy/argocd/&lt;env&gt;.yaml</c> (an ApplicationSet) and <c>deploy/flux/&lt;env&gt;.yaml</c> (a GitRepository and a
/// Kustomization), and a kustomization.yaml in each folder so one <c>kubectl apply -k</c> installs them. The branches and
/// folders come from the loaded configuration, so the files and release.yaml cannot disagree.
/// </summary>
public static class ClusterWiringPlanner
{
    /// <summary>The folder, relative to the repository root, the files go to (beside per-service overlays, where deployment lives).</summary>
    public const string Folder = "deploy";

    /// <summary>The files, or none when no environment renders.</summary>
    /// <param name="config">The starter release.yaml as loaded.</param>
    /// <param name="starter">What Init proposed: the repository's name and the namespaces the overlays set.</param>
    /// <param name="url">The repository URL for the cluster (<see cref="ClusterRepositoryUrl.From"/>), or null for the placeholder.</param>
    public static IReadOnlyList<WiringFile> Plan(ReleaseConfig config, StarterConfig starter, string? url)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(starter);
        var watched = config.Environments
            .Where(e => e.Render is not null)
            .Select(e => new WatchedEnvironment(
                starter.RepositoryName,
                url ?? ClusterRepositoryUrl.Placeholder,
                url is null,
                e.Name,
                e.Branch,
                RenderedFolder(config, e),
                starter.Environments.FirstOrDefault(s => s.Name == e.Name)?.Namespace))
            .ToList();
        if (watched.Count == 0)
        {
            return [];
        }

        return
        [
            .. watched.Select(w => new WiringFile($"{Folder}/argocd/{w.Environment}.yaml", ArgoCdApplicationSet.Render(w))),
            new WiringFile($"{Folder}/argocd/kustomization.yaml", Kustomization("kubectl apply -k deploy/argocd, in the namespace Argo CD runs in, installs the ApplicationSets.", watched)),
            .. watched.Select(w => new WiringFile($"{Folder}/flux/{w.Environment}.yaml", FluxKustomization.Render(w))),
            new WiringFile($"{Folder}/flux/kustomization.yaml", Kustomization("kubectl apply -k deploy/flux, with Flux installed, adds each environment's GitRepository and Kustomization.", watched)),
        ];
    }

    // The one folder holding every service's folder on the branch: what a directory generator lists and Flux applies.
    private static string RenderedFolder(ReleaseConfig config, EnvironmentConfig environment)
    {
        var folders = config.Services.Select(s => environment.Render!.PathFor(s.Name, environment.Name)).ToList();
        var parents = folders.Select(f => f.LastIndexOf('/') is var slash and > 0 ? f[..slash] : ".").Distinct(StringComparer.Ordinal).ToList();
        return parents is [{ } parent] && parent != "."
            ? parent
            : throw new ReleaseException($"render.path \"{environment.Render!.Path}\" of environment {environment.Name} does not put every service's folder in one folder; the Argo CD and Flux files need rendered/{{env}}/{{service}} or the like.");
    }

    private static string Kustomization(string comment, IReadOnlyList<WatchedEnvironment> watched)
    {
        var text = new WiringText()
            .Comment(comment)
            .Add("apiVersion: kustomize.config.k8s.io/v1beta1")
            .Add("kind: Kustomization")
            .Add("resources:");
        foreach (var environment in watched)
        {
            text.Add($"  - {environment.Environment}.yaml");
        }

        return text.ToString();
    }
}
