namespace Cake.Release.Init;

/// <summary>What a GitOps controller needs to follow one environment in rendered mode: the branch and the folder on it.</summary>
/// <param name="Repository">The repository's name, which names the controller objects (<c>shop-dev</c>).</param>
/// <param name="Url">The repository's URL as the cluster clones it.</param>
/// <param name="UrlIsPlaceholder">True when Init found no remote URL to use, so the files say to replace it.</param>
/// <param name="Environment">The environment's name.</param>
/// <param name="Branch">Its branch (<c>environments.&lt;env&gt;.branch</c>).</param>
/// <param name="Folder">The folder on the branch holding one sub-folder per service (<c>rendered/dev</c>).</param>
/// <param name="Namespace">The namespace the overlays give the environment's resources, or null when they give several.</param>
public sealed record WatchedEnvironment(string Repository, string Url, bool UrlIsPlaceholder, string Environment, string Branch, string Folder, string? Namespace)
{
    /// <summary>The name of the environment's ApplicationSet, GitRepository and Kustomization.</summary>
    public string Name => $"{Repository}-{Environment}";
}
