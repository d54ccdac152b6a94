using Cake.Core.Tooling;

namespace Cake.Release.Building;

/// <summary>
/// The <c>buildah</c> CLI as BuildOnce runs it. The storage options let a user without root's container config
/// (or a test) keep images in a folder of their own: <c>--storage-driver vfs --root … --runroot …</c>.
/// </summary>
public sealed class BuildahSettings : ToolSettings
{
    /// <summary><c>--storage-driver</c> (e.g. <c>vfs</c>, <c>overlay</c>); null: buildah's configured default.</summary>
    public string? StorageDriver { get; set; }

    /// <summary><c>--root</c>: where images and containers are stored; null: buildah's default.</summary>
    public string? Root { get; set; }

    /// <summary><c>--runroot</c>: where run-time state is kept; null: buildah's default.</summary>
    public string? RunRoot { get; set; }

    /// <summary><c>--isolation</c> for RUN steps (<c>oci</c>, <c>rootless</c>, <c>chroot</c>); null: buildah's default.</summary>
    public string? Isolation { get; set; }
}
