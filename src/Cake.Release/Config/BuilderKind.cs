namespace Cake.Release.Config;

/// <summary>Which tool builds the images (<c>build.builder</c>).</summary>
public enum BuilderKind
{
    /// <summary><c>docker</c>: the Docker CLI (needs a Docker engine).</summary>
    Docker,

    /// <summary><c>buildah</c>: builds and pushes without a daemon.</summary>
    Buildah,

    /// <summary><c>podman</c>: the Podman CLI.</summary>
    Podman,

    /// <summary><c>oci-layer</c>: the built-in daemonless builder that packs the service folder as one layer.</summary>
    OciLayer,
}
