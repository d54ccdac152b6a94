using Cake.Core.IO;
using Cake.Release.Registry;

namespace Cake.Release.GitOps;

/// <summary>What <see cref="GitOpsAliases.UpdateManifest"/> writes, and where.</summary>
public sealed class UpdateManifestSettings : ReleaseSettings
{
    /// <summary>The environment whose manifest is written (<c>--env</c>). Required.</summary>
    public string Environment { get; set; } = "";

    /// <summary>The service (<c>--service</c>). Required.</summary>
    public string Service { get; set; } = "";

    /// <summary>The version it will run (<c>--version</c>). Required; <c>latest</c> is refused.</summary>
    public string Version { get; set; } = "";

    /// <summary>The image digest, <c>sha256:</c> and 64 hex digits (<c>--digest</c>); it must be in the service's repository. Default: what the version's tag names.</summary>
    public string? Digest { get; set; }

    /// <summary>The source commit of the build (<c>--commit</c>); default: the image's <c>org.opencontainers.image.revision</c> label, which it must match when both are there.</summary>
    public string? Commit { get; set; }

    /// <summary>The environment the version comes from, recorded in the entry and the commit subject.</summary>
    public string? From { get; set; }

    /// <summary>The promoter (<c>--by</c>); default: the CI actor, else the git user.</summary>
    public string? By { get; set; }

    /// <summary>Approvers, one <c>Approved-by:</c> trailer each.</summary>
    public IList<string> Approvers { get; } = [];

    /// <summary>The subject's verb; default <c>promote</c> when <see cref="From"/> is set, else <c>deploy</c>.</summary>
    public string? Action { get; set; }

    /// <summary>Retries and timeouts for the registry, which is asked for the image before anything is written.</summary>
    public RegistrySettings Registry { get; set; } = new();

    /// <summary>How to retry when other pipelines push to the branch at the same time.</summary>
    public PushRetry Retry { get; set; } = PushRetry.Default;
}
