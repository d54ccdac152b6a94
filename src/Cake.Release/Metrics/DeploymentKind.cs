namespace Cake.Release.Metrics;

/// <summary>What one change to an environment was, as its manifest history records it.</summary>
public enum DeploymentKind
{
    /// <summary>A build deployed to the auto environment (DeployDev, UpdateManifest with <c>deploy</c>).</summary>
    Deploy,

    /// <summary>A release promoted from the previous environment of the chain.</summary>
    Promote,

    /// <summary>An environment returned to a release that ran there before (Rollback): a restoration, not a deployment.</summary>
    Rollback,

    /// <summary>A patch built by Hotfix on a release branch, off the main branch, promoted into the environment.</summary>
    Hotfix,
}
