using Cake.Release.Config;
using Cake.Release.GitOps;
using Cake.Release.Manifests;
using Cake.Release.Versioning;

namespace Cake.Release.Promotion;

/// <summary>Everything the policy looks at, gathered by the adapters before anything is changed.</summary>
public sealed record PromotionFacts
{
    /// <summary>The loaded release.yaml.</summary>
    public required ReleaseConfig Config { get; init; }

    /// <summary>The service's entry in the target's <c>from</c> environment, or null when it does not run there.</summary>
    public ManifestEntry? Source { get; init; }

    /// <summary>
    /// The release tag the source comes from when it is a hotfix (a release made off the main branch by Hotfix), which
    /// enters the chain after the auto environment without having run there; null for a source environment's entry.
    /// </summary>
    public string? SourceTag { get; init; }

    /// <summary>The service's entry in the target environment, or null before its first release there.</summary>
    public ManifestEntry? Target { get; init; }

    /// <summary>The service's release tags on the remote, by version.</summary>
    public IReadOnlyList<ReleaseTag> ReleaseTags { get; init; } = [];

    /// <summary>The release version chosen by <see cref="PromotionVersion"/>.</summary>
    public required VersionChoice Version { get; init; }

    /// <summary>What the registry said.</summary>
    public required RegistryFacts Registry { get; init; }

    /// <summary>The release branch on the remote relative to the source commit; null when there is no version to name it.</summary>
    public ReleaseBranchState? ReleaseBranch { get; init; }

    /// <summary>In rendered mode: the service's configuration for the target, rendered at the source's commit with its digest.</summary>
    public GitOps.RenderedConfiguration? Rendered { get; init; }

    /// <summary>In rendered mode: why the configuration could not be rendered, or null.</summary>
    public string? RenderProblem { get; init; }

    /// <summary>In promotion by pull request: the promotion's pull request on the forge and its reviews; null when the target is pushed to.</summary>
    public PromotionPullRequest? PullRequest { get; init; }

    /// <summary>In push mode: whether the CI system recorded every <c>--approver</c> as approving this run's deployment (GitHub Actions' review log).</summary>
    public bool ApproversVerified { get; init; }

    /// <summary>The time the checks are made against (soak).</summary>
    public required DateTimeOffset Now { get; init; }
}
