using Cake.Core.IO;
using Cake.Release.GitOps;
using Cake.Release.Registry;

namespace Cake.Release.Promotion;

/// <summary>Settings of <see cref="PromotionAliases.PromoteEnv"/>.</summary>
public sealed class PromoteEnvSettings : ReleaseSettings
{
    /// <summary>The service to promote (<c>--service</c>).</summary>
    public string Service { get; set; } = "";

    /// <summary>The environment to promote into (<c>--to</c>); the version comes from its <c>from</c>.</summary>
    public string To { get; set; } = "";

    /// <summary>The environment the caller expects the version to come from (<c>--from</c>); refused unless it is the target's <c>from</c>.</summary>
    public string? From { get; set; }

    /// <summary>The release version (<c>--version</c>); into a <c>preRelease</c> environment, 1.6.0 becomes its next 1.6.0-rc.N.</summary>
    public string? Version { get; set; }

    /// <summary>The bump rule (<c>--bump=major|minor|patch|auto</c>) when no version is given.</summary>
    public string? Bump { get; set; }

    /// <summary>The approvers (<c>--approver</c>, repeatable): distinct people, none of them the promoter.</summary>
    public IList<string> Approvers { get; } = [];

    /// <summary>
    /// Why the promotion must go ahead during a change window of the target (<c>--break-glass</c>): it lets the
    /// <c>freeze</c> check pass and is recorded as a <c>Break-Glass:</c> trailer and in the notification. Null when not
    /// given; an empty or blank reason is refused.
    /// </summary>
    public string? BreakGlass { get; set; }

    /// <summary>The promoter (<c>--by</c>); default the CI actor, else the git user.</summary>
    public string? By { get; set; }

    /// <summary>Time-outs and retries of the registry client.</summary>
    public RegistrySettings Registry { get; set; } = new();

    /// <summary>How the manifest push retries when other pipelines push first.</summary>
    public PushRetry Retry { get; set; } = PushRetry.Default;

    /// <summary>How long one call to the forge (GitHub, GitLab) may take, in promotion by pull request.</summary>
    public TimeSpan ForgeTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a webhook may take to answer before the notification is given up (with a warning).</summary>
    public TimeSpan NotifyTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
