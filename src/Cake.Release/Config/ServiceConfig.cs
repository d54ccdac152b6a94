namespace Cake.Release.Config;

/// <summary>One releasable service of the monorepo (<c>services.&lt;name&gt;</c>).</summary>
public sealed record ServiceConfig
{
    /// <summary>The service name, used in tags, branches and manifests.</summary>
    public required string Name { get; init; }

    /// <summary>The service folder, relative to the repository root, with '/' separators (<c>.</c> for the root).</summary>
    public required string Path { get; init; }

    /// <summary>The image repository under the registry; the service name by default.</summary>
    public required string Image { get; init; }

    /// <summary>The Dockerfile, relative to <see cref="Path"/>; <c>Dockerfile</c> by default.</summary>
    public string Dockerfile { get; init; } = "Dockerfile";

    /// <summary>The Helm chart folder, relative to the repository root, or null when the service has no chart.</summary>
    public string? Chart { get; init; }

    /// <summary>The changelog, relative to <see cref="Path"/>; <c>CHANGELOG.md</c> by default.</summary>
    public string Changelog { get; init; } = "CHANGELOG.md";

    /// <summary>More paths (relative to the repository root) or other service names whose changes mark this service changed.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>Where the service is declared, for errors about it.</summary>
    public ConfigLocation? Location { get; init; }

    /// <summary>The Dockerfile relative to the repository root.</summary>
    public string DockerfilePath => InService(Dockerfile);

    /// <summary>The changelog relative to the repository root.</summary>
    public string ChangelogPath => InService(Changelog);

    private string InService(string relative) =>
        RepositoryPath.Normalize(Path == "." ? relative : $"{Path}/{relative}").Path ?? relative;
}
