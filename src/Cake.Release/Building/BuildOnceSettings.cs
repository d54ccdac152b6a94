using Cake.Core.IO;
using Cake.Release.Registry;

namespace Cake.Release.Building;

/// <summary>Settings for <see cref="BuildAliases.BuildOnce"/>: which services, at which commit, from which checkout.</summary>
public sealed class BuildOnceSettings : ReleaseSettings
{
    /// <summary>The services to build (<c>--service</c>); empty: the services listed in <c>artifacts/changed.json</c> (DetectChanged).</summary>
    public IList<string> Services { get; private set; } = new List<string>();

    /// <summary>The commit built (<c>--commit</c>); default the HEAD of <see cref="SourceDirectory"/>.</summary>
    public string? Commit { get; set; }

    /// <summary>These settings for <paramref name="services"/> at <paramref name="commit"/>, leaving these unchanged.</summary>
    internal BuildOnceSettings For(IEnumerable<string> services, string? commit)
    {
        var copy = Copy<BuildOnceSettings>();
        copy.Services = services.ToList();
        copy.Commit = commit;
        return copy;
    }

    /// <summary>
    /// The checkout to build from; default the repository root (the folder of <see cref="ReleaseSettings.ConfigFile"/>). When
    /// <see cref="Commit"/> is not its HEAD, the commit's tree is exported to a temporary folder and built from there.
    /// </summary>
    public DirectoryPath? SourceDirectory { get; set; }

    /// <summary>How many services build at once; default min(4, processor count).</summary>
    public int? Parallelism { get; set; }

    /// <summary>Retries and timeouts for the registry.</summary>
    public RegistrySettings Registry { get; set; } = new();

    /// <summary>The <c>docker</c> CLI: tool path, timeout.</summary>
    public DockerSettings Docker { get; set; } = new();

    /// <summary>The <c>buildah</c> CLI: tool path, timeout, storage driver and folders, isolation.</summary>
    public BuildahSettings Buildah { get; set; } = new();

    /// <summary>The <c>podman</c> CLI: tool path, timeout, storage driver and folders.</summary>
    public PodmanSettings Podman { get; set; } = new();
}
