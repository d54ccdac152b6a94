namespace Cake.Release.Doctor;

/// <summary>A command-line tool the release flow calls, and where to get it.</summary>
/// <param name="Command">The executable looked up on PATH.</param>
/// <param name="DebianPackage">The Debian package that installs it.</param>
/// <param name="Required">Whether every release target needs it; the others serve one capability each.</param>
/// <param name="UsedFor">What Cake.Release uses it for, shown next to a missing tool.</param>
/// <param name="VersionArguments">What makes the tool print its version on the first line.</param>
public sealed record ReleaseTool(string Command, string DebianPackage, bool Required, string UsedFor, string VersionArguments = "--version")
{
    /// <summary>The tools Cake.Release calls: git for every GitOps write, the rest only for the capability named.</summary>
    public static IReadOnlyList<ReleaseTool> All { get; } =
    [
        new("git", "git", Required: true, "change detection, release tags, GitOps manifests"),
        new("buildah", "buildah", Required: false, "builder: buildah"),
        new("docker", "docker.io", Required: false, "builder: docker"),
        new("podman", "podman", Required: false, "builder: podman"),
        new("skopeo", "skopeo", Required: false, "inspecting pushed images"),
        new("kubectl", "kubernetes-client", Required: false, "proving edited Kustomize overlays render", "version --client"),
        new("helm", "helm", Required: false, "helm lint after a chart bump", "version --short"),
    ];
}

/// <summary>What the doctor found for one tool: its path and version, or that it is missing.</summary>
public sealed record ToolCheck(ReleaseTool Tool, string? Path, string? Version)
{
    /// <summary>Whether the tool was found on PATH.</summary>
    public bool Found => Path is not null;

    /// <summary>One line for a missing tool: what it is for and how to install it.</summary>
    public string Advice => $"{Tool.Command} is not on PATH ({Tool.UsedFor}): install it, e.g. apt-get install {Tool.DebianPackage}.";
}
