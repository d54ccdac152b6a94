namespace Cake.Release.Config;

/// <summary>One releasable service of the monorepo (<c>services.&lt;name&gt;</c>).</summary>
public sealed record ServiceConfig
{
    /// <summary>The service name, used in tags, branches and manifests.</summary>
    public required string Name { get; init; }

    /// <summary>The service folder, relative to the repository root, with '/' separators (<c>.</c> for the root).</summary>
    public required string Path { get; init; }

    /// <summary>The image repository under the registry; the service name by default (and unused when <see cref="ChartOnly"/>).</summary>
    public required string Image { get; init; }

    /// <summary>
    /// The service is a Helm chart without an image (<c>image: false</c>, with <c>chart:</c>): nothing is built or
    /// retagged for it; its releases are chart versions (<c>tags.chartRelease</c>), promoted by pinning the version in
    /// the environments' manifests and <c>updates:</c> marked <c>for: charts</c>.
    /// </summary>
    public bool ChartOnly { get; init; }

    /// <summary>The Dockerfile, relative to <see cref="Path"/>; <c>Dockerfile</c> by default.</summary>
    public string Dockerfile { get; init; } = "Dockerfile";

    /// <summary>The build context folder, relative to <see cref="Path"/>; <c>.</c> (the service folder) by default.</summary>
    public string Context { get; init; } = ".";

    /// <summary>
    /// The folder the <c>oci-layer</c> builder packs as the image's one layer, relative to <see cref="Path"/>;
    /// <c>dist</c> by default. It is what the service's own build step produced (e.g. <c>dotnet publish -o dist</c>).
    /// </summary>
    public string Output { get; init; } = "dist";

    /// <summary>Build arguments for this service (<c>buildArgs</c>), over those of <c>build.args</c>.</summary>
    public IReadOnlyDictionary<string, string> BuildArgs { get; init; } = new Dictionary<string, string>();

    /// <summary>The Helm chart folder, relative to the repository root, or null when the service has no chart.</summary>
    public string? Chart { get; init; }

    /// <summary>
    /// What kind of component the service is in the release record (<c>kind:</c>, one of <see cref="ComponentKinds.All"/>):
    /// <c>backend</c> by default, <c>infra</c> for a chart without an image. The first part of its fragments' sort key.
    /// </summary>
    public string Kind { get; init; } = ComponentKinds.Backend;

    /// <summary>The changelog, relative to <see cref="Path"/>; <c>CHANGELOG.md</c> by default.</summary>
    public string Changelog { get; init; } = "CHANGELOG.md";

    /// <summary>More paths (relative to the repository root) or other service names whose changes mark this service changed.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>
    /// Paths (relative to the repository root) that hold the service's deployment configuration (<c>deploy:</c>):
    /// a change there alone is a configuration change, deployed without a new build. Rendered per-service overlays
    /// add the service's folder of the overlay (<see cref="ReleaseConfig.ConfigurationPaths"/>).
    /// </summary>
    public IReadOnlyList<string> Deploy { get; init; } = [];

    /// <summary>Where the service is declared, for errors about it.</summary>
    public ConfigLocation? Location { get; init; }

    /// <summary>The Dockerfile relative to the repository root.</summary>
    public string DockerfilePath => InService(Dockerfile);

    /// <summary>The build context relative to the repository root.</summary>
    public string ContextPath => InService(Context);

    /// <summary>The build output folder relative to the repository root.</summary>
    public string OutputPath => InService(Output);

    /// <summary>The changelog relative to the repository root.</summary>
    public string ChangelogPath => InService(Changelog);

    private string InService(string relative) =>
        RepositoryPath.Normalize(Path == "." ? relative : $"{Path}/{relative}").Path ?? relative;
}
