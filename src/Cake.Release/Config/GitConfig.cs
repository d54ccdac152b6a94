namespace Cake.Release.Config;

/// <summary>Where the GitOps branches and manifests live (<c>git:</c>).</summary>
public sealed record GitConfig
{
    /// <summary>The remote that holds the GitOps branches; <c>origin</c> by default.</summary>
    public string Remote { get; init; } = "origin";

    /// <summary>The branch releases are cut from; <c>main</c> by default.</summary>
    public string MainBranch { get; init; } = "main";

    /// <summary>The folder, on each environment's branch, that holds the <c>&lt;env&gt;.yaml</c> manifests; <c>release-manifests</c> by default.</summary>
    public string ManifestsDir { get; init; } = "release-manifests";

    /// <summary>The forge that holds the remote (<c>forge:</c> github or gitlab), for promotion by pull request; null: read from the remote's URL.</summary>
    public string? Forge { get; init; }

    /// <summary>The forge's API base URL (<c>forgeApi:</c>), for GitHub Enterprise and self-managed GitLab; null: the forge's public API, or the remote host's.</summary>
    public string? ForgeApi { get; init; }

    /// <summary>The repository on the forge (<c>forgeProject:</c> owner/name or group/subgroup/name); null: the remote URL's path.</summary>
    public string? ForgeProject { get; init; }

    /// <summary>The path of an environment's manifest on its branch, e.g. <c>release-manifests/staging.yaml</c>.</summary>
    /// <param name="environment">The environment name.</param>
    public string ManifestPath(string environment) => $"{ManifestsDir}/{environment}.yaml";
}
