using Cake.Release.Config;
using Cake.Release.Registry;

namespace Cake.Release.Building;

/// <summary>One service to build at one commit into one image reference: everything a builder needs, resolved.</summary>
internal sealed record ImageBuildRequest
{
    /// <summary>The service as release.yaml declares it.</summary>
    public required ServiceConfig Service { get; init; }

    /// <summary>The full commit id.</summary>
    public required string Commit { get; init; }

    /// <summary>Where the image goes, with the build tag.</summary>
    public required ImageReference Target { get; init; }

    /// <summary>The folder holding the commit's files (the checkout, or the commit's exported tree).</summary>
    public required string SourceRoot { get; init; }

    /// <summary>The repository root the target's <c>oci:</c> folder is relative to.</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>The labels, sorted by name.</summary>
    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    /// <summary>build.args with the service's buildArgs over them.</summary>
    public required IReadOnlyDictionary<string, string> BuildArgs { get; init; }

    /// <summary><c>os/arch[/variant]</c>, or null for the builder's default.</summary>
    public string? Platform { get; init; }

    /// <summary>The commit's time: the image's creation time and the layers' file times.</summary>
    public required DateTimeOffset Created { get; init; }

    public string ContextDirectory => Path.Combine(SourceRoot, Service.ContextPath);

    public string DockerfilePath => Path.Combine(SourceRoot, Service.DockerfilePath);

    public string OutputDirectory => Path.Combine(SourceRoot, Service.OutputPath);

    /// <summary>The <c>oci:</c> layout folder (absolute) when the target is a layout, else null.</summary>
    public string? LayoutRoot => Target.LayoutRoot is { } root ? Path.GetFullPath(Path.Combine(RepositoryRoot, root)) : null;
}
