namespace Cake.Release.Init;

/// <summary>
/// What <see cref="RepositoryScanner"/> found in a repository, as paths relative to its root with '/' separators.
/// The input of <see cref="StarterConfigPlanner"/>; plain data, so the plan and the text can be tested without a disk.
/// </summary>
/// <param name="RootName">The repository folder's name (names the one service of a repository without Dockerfiles).</param>
/// <param name="Dockerfiles">Every Dockerfile (<c>Dockerfile</c>, <c>Dockerfile.*</c>, <c>*.Dockerfile</c>).</param>
/// <param name="Charts">Every Helm chart (a folder holding <c>Chart.yaml</c>).</param>
/// <param name="Overlays">Every Kustomize overlay folder (<c>…/overlays/&lt;env&gt;</c> holding a kustomization file).</param>
/// <param name="OverlayNamespaces">The <c>namespace:</c> an overlay sets, by overlay folder; overlays setting none are absent.</param>
public sealed record RepositoryScan(
    string RootName,
    IReadOnlyList<string> Dockerfiles,
    IReadOnlyList<FoundChart> Charts,
    IReadOnlyList<string> Overlays,
    IReadOnlyDictionary<string, string>? OverlayNamespaces = null);

/// <summary>A Helm chart found by the scan.</summary>
/// <param name="Folder">The chart folder, relative to the repository root.</param>
/// <param name="Name">The <c>name:</c> in its Chart.yaml, or null when it could not be read.</param>
public sealed record FoundChart(string Folder, string? Name);
