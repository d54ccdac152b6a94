using Cake.Release.Config;

namespace Cake.Release.Init;

/// <summary>The starter release.yaml Init proposes, before it is written out as commented text.</summary>
/// <param name="Builder">The builder: docker when the repository has Dockerfiles, else the daemonless oci-layer.</param>
/// <param name="Environments">The promotion chain, first (auto) to last.</param>
/// <param name="Services">The services, in path order.</param>
/// <param name="EnvironmentsFromOverlays">True when the environment names came from Kustomize overlays, false for the default chain.</param>
/// <param name="UnmatchedCharts">Charts no service claimed, mentioned in a comment so the user can wire them.</param>
/// <param name="Placeholder">True when no Dockerfile was found and the one service stands for the whole repository.</param>
/// <param name="Render">Rendered mode from the overlays (one <c>render:</c> for every environment), or null to edit them in place (<c>updates:</c>).</param>
/// <param name="RepositoryName">The repository's name made a release name: names the Argo CD and Flux objects Init writes.</param>
public sealed record StarterConfig(
    BuilderKind Builder,
    IReadOnlyList<StarterEnvironment> Environments,
    IReadOnlyList<StarterService> Services,
    bool EnvironmentsFromOverlays,
    IReadOnlyList<string> UnmatchedCharts,
    bool Placeholder,
    StarterRender? Render,
    string RepositoryName);

/// <summary>One environment of the starter chain.</summary>
/// <param name="Name">The environment name.</param>
/// <param name="From">The environment it is promoted from; null for the first (auto) one.</param>
/// <param name="Overlays">Its Kustomize overlay folders, written under <c>updates:</c>.</param>
/// <param name="Gated">True for the last environment of a chain of two or more: it gets approvals and a soak time.</param>
/// <param name="Namespace">
/// The namespace its overlays give their resources: the one they all set, the environment's name when none sets one,
/// or null when they set different ones (the cluster wiring then leaves each resource its own).
/// </param>
public sealed record StarterEnvironment(string Name, string? From, IReadOnlyList<string> Overlays, bool Gated, string? Namespace = null)
{
    /// <summary>True for the environment DeployDev writes on every push (the start of the chain).</summary>
    public bool Auto => From is null;

    /// <summary>Its GitOps branch: <c>gitops/&lt;env&gt;-auto-update</c> for the auto environment, else <c>gitops/&lt;env&gt;-releases</c>.</summary>
    public string Branch => Auto ? $"gitops/{Name}-auto-update" : $"gitops/{Name}-releases";
}

/// <summary>The <c>render:</c> Init proposes when every overlay fits one template.</summary>
/// <param name="Kustomize">The overlay template: <c>deploy/{service}/overlays/{env}</c> (one per service) or <c>k8s/overlays/{env}</c> (shared).</param>
/// <param name="Selector">For a shared overlay, the label selector that picks a service's resources (<c>app={service}</c>); else null.</param>
/// <param name="Missing">Per-service overlays the template names but the repository lacks (a service not promotable there yet).</param>
public sealed record StarterRender(string Kustomize, string? Selector, IReadOnlyList<string> Missing)
{
    /// <summary>True when every service renders the same overlay, so its resources are picked out by <see cref="Selector"/>.</summary>
    public bool Shared => Selector is not null;
}

/// <summary>One service of the starter file.</summary>
/// <param name="Name">The service name (its folder's name, made a valid release name).</param>
/// <param name="Path">Its folder, relative to the repository root (<c>.</c> for the root).</param>
/// <param name="Dockerfile">Its Dockerfile relative to <paramref name="Path"/> when not the default <c>Dockerfile</c>, else null.</param>
/// <param name="Chart">Its chart folder, or null.</param>
/// <param name="OtherDockerfiles">More Dockerfiles in the same folder, mentioned in a comment.</param>
public sealed record StarterService(string Name, string Path, string? Dockerfile, string? Chart, IReadOnlyList<string> OtherDockerfiles);
