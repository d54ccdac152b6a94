using Cake.Core.Tooling;

namespace Cake.Release.Building;

/// <summary>The <c>podman</c> CLI as BuildOnce runs it, with the same storage options as buildah.</summary>
public sealed class PodmanSettings : ToolSettings
{
    /// <summary><c>--storage-driver</c> (e.g. <c>vfs</c>, <c>overlay</c>); null: podman's configured default.</summary>
    public string? StorageDriver { get; set; }

    /// <summary><c>--root</c>: where images and containers are stored; null: podman's default.</summary>
    public string? Root { get; set; }

    /// <summary><c>--runroot</c>: where run-time state is kept; null: podman's default.</summary>
    public string? RunRoot { get; set; }

    /// <summary><c>--isolation</c> for RUN steps (<c>oci</c>, <c>rootless</c>, <c>chroot</c>); null: podman's default.</summary>
    public string? Isolation { get; set; }
}
