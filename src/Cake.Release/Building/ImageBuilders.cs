using Cake.Core;
using Cake.Release.Config;
using Cake.Release.Registry;

namespace Cake.Release.Building;

/// <summary>The builder release.yaml's <c>build.builder</c> names, set up with the settings the caller gave.</summary>
internal static class ImageBuilders
{
    public static IImageBuilder Create(ICakeContext context, ReleaseConfig config, BuildOnceSettings settings, IImageStore store, Func<string, string?> environment)
    {
        var layout = ImageReference.InRegistry(config.Registry, "probe").IsOciLayout;
        return config.Build.Builder switch
        {
            BuilderKind.OciLayer => new OciLayerBuilder(store),
            BuilderKind.Buildah => new DaemonlessBuilder<BuildahSettings>(context, "buildah", settings.Buildah, StorageOptions.From(settings.Buildah), environment),
            BuilderKind.Podman => new DaemonlessBuilder<PodmanSettings>(context, "podman", settings.Podman, StorageOptions.From(settings.Podman), environment),
            BuilderKind.Docker when layout => throw new ReleaseException(
                $"{config.File}: build.builder docker pushes only to a registry, but registry is {config.Registry}; use buildah, podman or oci-layer for an oci: layout, or set registry: <host>/<namespace>."),
            _ => new DockerBuilder(context, settings.Docker, environment),
        };
    }

    /// <summary>The name release.yaml uses for the builder, for log lines written before one is created.</summary>
    public static string Name(BuilderKind kind) => kind switch
    {
        BuilderKind.OciLayer => "oci-layer",
        BuilderKind.Buildah => "buildah",
        BuilderKind.Podman => "podman",
        _ => "docker",
    };
}
