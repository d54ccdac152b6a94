using Cake.Core.IO;
using Cake.Release.Building;
using Cake.Release.Changes;
using Cake.Release.GitOps;
using Cake.Release.Registry;

namespace Cake.Release.Promotion;

/// <summary>What <see cref="DeployAliases.DeployDev"/> records in the auto environment.</summary>
public sealed class DeployDevSettings : ReleaseSettings
{
    /// <summary>The images to deploy; empty (the default): DetectChanged, then BuildOnce of the changed services.</summary>
    public IList<ServiceBuild> Builds { get; } = new List<ServiceBuild>();

    /// <summary>
    /// The services to deploy (<c>--service</c>, repeatable); empty (the default): the services DetectChanged finds.
    /// A CI matrix job per changed service names its own, so detection runs once, in the job that made the matrix.
    /// </summary>
    public IList<string> Services { get; } = new List<string>();

    /// <summary>How to detect the changed services (<c>--base</c>, <c>--head</c>); its config file is this one's.</summary>
    public DetectChangedSettings Detect { get; set; } = new();

    /// <summary>How to build them (builder and registry options); its services, config file and dry run are set from this run.</summary>
    public BuildOnceSettings Build { get; set; } = new();

    /// <summary>Who deploys (<c>--by</c>); default: the CI actor, else the git user.</summary>
    public string? By { get; set; }

    /// <summary>Retries and timeouts for the registry.</summary>
    public RegistrySettings Registry { get; set; } = new();

    /// <summary>How to retry when other pipelines push to the environment's branch at the same time.</summary>
    public PushRetry Retry { get; set; } = PushRetry.Default;
}
