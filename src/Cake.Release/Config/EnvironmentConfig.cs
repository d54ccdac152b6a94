namespace Cake.Release.Config;

/// <summary>One environment of the promotion chain (<c>environments.&lt;name&gt;</c>).</summary>
public sealed record EnvironmentConfig
{
    /// <summary>The environment name, used in manifests, targets and tags.</summary>
    public required string Name { get; init; }

    /// <summary>The GitOps branch that holds this environment's manifest.</summary>
    public required string Branch { get; init; }

    /// <summary>The environment versions are promoted from, or null for the start of a chain.</summary>
    public string? From { get; init; }

    /// <summary>Whether DeployDev writes this environment for every changed service (at most one environment).</summary>
    public bool Auto { get; init; }

    /// <summary>A moving image tag that follows what runs here (e.g. <c>stg</c>), or null.</summary>
    public string? ImageTag { get; init; }

    /// <summary>The pre-release label of versions promoted here (e.g. <c>rc</c> for <c>1.2.0-rc.1</c>), or null.</summary>
    public string? PreRelease { get; init; }

    /// <summary>How many distinct approvers, none of them the promoter, a promotion here needs; 0 by default.</summary>
    public int Approvals { get; init; }

    /// <summary>How a promotion here lands: pushed to the branch (the default), or proposed as a pull request that someone merges.</summary>
    public PromotionMode Promotion { get; init; } = PromotionMode.Push;

    /// <summary>Whether pull requests into this environment are opened as drafts (<c>draftPullRequest: true</c>).</summary>
    public bool DraftPullRequest { get; init; }

    /// <summary>The minimum time a version must have run in <see cref="From"/> before it comes here; zero by default.</summary>
    public TimeSpan Soak { get; init; }

    /// <summary>Whether a promotion that ran less than <see cref="Soak"/> is refused or passes with a warning (<c>soakPolicy:</c>); block by default.</summary>
    public SoakPolicy SoakPolicy { get; init; }

    /// <summary>The change windows during which promotions into here are refused (<c>freeze:</c>), in file order.</summary>
    public IReadOnlyList<ChangeWindow> Freeze { get; init; } = [];

    /// <summary>A git tag set on each promotion here (e.g. <c>release-prd-{date:yyyyMMdd}</c>), or null.</summary>
    public TagTemplate? MilestoneTag { get; init; }

    /// <summary>More files written on promotion, on the same branch, in file order.</summary>
    public IReadOnlyList<ManifestUpdate> Updates { get; init; } = [];

    /// <summary>Where promotions here are announced, in file order.</summary>
    public IReadOnlyList<NotifyTarget> Notify { get; init; } = [];

    /// <summary>How a service's configuration is rendered onto the branch here (<c>render:</c>), or null when files are edited in place.</summary>
    public RenderConfig? Render { get; init; }

    /// <summary>Where the environment is declared, for errors about it.</summary>
    public ConfigLocation? Location { get; init; }

    /// <summary>The target that promotes into this environment: Promote + its name in PascalCase (pre-prod → PromotePreProd).</summary>
    public string PromoteTarget =>
        "Promote" + string.Concat(Name.Split(['-', '_', '.', ' '], StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
