using Cake.Core.IO;
using Cake.Release.GitOps;
using Cake.Release.Registry;

namespace Cake.Release.Promotion;

/// <summary>What <see cref="RollbackAliases.Rollback"/> rolls back, and where.</summary>
public sealed class RollbackSettings : ReleaseSettings
{
    /// <summary>The environment to roll back (<c>--env</c>). Required.</summary>
    public string Environment { get; set; } = "";

    /// <summary>The service to roll back (<c>--service</c>). Required; no other service changes.</summary>
    public string Service { get; set; } = "";

    /// <summary>The version to return to (<c>--version</c>); it must have run in the environment. Default: the previous release.</summary>
    public string? Version { get; set; }

    /// <summary>Who rolls back (<c>--by</c>); default: the CI actor, else the git user.</summary>
    public string? By { get; set; }

    /// <summary>Retries and timeouts for the registry.</summary>
    public RegistrySettings Registry { get; set; } = new();

    /// <summary>How long one call to the forge may take, in promotion by pull request.</summary>
    public TimeSpan ForgeTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How to retry when other pipelines push to the environment's branch at the same time.</summary>
    public PushRetry Retry { get; set; } = PushRetry.Default;
}
