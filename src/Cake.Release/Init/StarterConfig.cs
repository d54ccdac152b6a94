using Cake.Release.Config;

namespace Cake.Release.Init;

/// <summary>The starter release.yaml Init proposes, before it is written out as commented text.</summary>
/// <param name="Builder">The builder: docker when the repository has Dockerfiles, else the daemonless oci-layer.</param>
/// <param name="Environments">The promotion chain, first (auto) to last.</param>
/// <param name="Services">The services, in path order.</param>
/// <param name="EnvironmentsFromOverlays">True when the environment names came from Kustomize overlays, false for the default chain.</param>
/// <param name="UnmatchedCharts">Charts no service claimed, mentioned in a comment so the user can wire them.</param>
/// <param name="Placeholder">True when no Dockerfile was found and the one service stands for the whole repository.</param>
public sealed record StarterConfig(
    BuilderKind Builder,
    IReadOnlyList<StarterEnvironment> Environments,
    IReadOnlyList<StarterService> Services,
    bool EnvironmentsFromOverlays,
    IReadOnlyList<string> UnmatchedCharts,
    bool Placeholder);

/// <summary>One environment of the starter chain.</summary>
/// <param name="Name">The environment name.</param>
/// <param name="From">The environment it is promoted from; null for the first (auto) one.</param>
/// <param name="Overlays">Its Kustomize overlay folders, written under <c>updates:</c>.</param>
/// <param name="Gated">True for the last environment of a chain of two or more: it gets approvals and a soak time.</param>
public sealed record StarterEnvironment(string Name, string? From, IReadOnlyList<string> Overlays, bool Gated)
{
    /// <summary>True for the environment DeployDev writes on every push (the start of the chain).</summary>
    public bool Auto => From is null;
}

/// <summary>One service of the starter file.</summary>
/// <param name="Name">The service name (its folder's name, made a valid release name).</param>
/// <param name="Path">Its folder, relative to the repository root (<c>.</c> for the root).</param>
/// <param name="Dockerfile">Its Dockerfile relative to <paramref name="Path"/> when not the default <c>Dockerfile</c>, else null.</param>
/// <param name="Chart">Its chart folder, or null.</param>
/// <param name="OtherDockerfiles">More Dockerfiles in the same folder, mentioned in a comment.</param>
public sealed record StarterService(string Name, string Path, string? Dockerfile, string? Chart, IReadOnlyList<string> OtherDockerfiles);
