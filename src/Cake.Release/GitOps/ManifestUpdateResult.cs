namespace Cake.Release.GitOps;

/// <summary>What <see cref="GitOpsAliases.UpdateManifest"/> did.</summary>
/// <param name="Environment">The environment written.</param>
/// <param name="Service">The service written.</param>
/// <param name="Version">The version recorded.</param>
/// <param name="Digest">The digest recorded, if any.</param>
/// <param name="Write">The branch write: committed, unchanged or planned, with the changed files.</param>
public sealed record ManifestUpdateResult(string Environment, string Service, string Version, string? Digest, BranchWrite Write)
{
    /// <summary>True when the environment already ran this version and digest and nothing was written.</summary>
    public bool AlreadyDeployed => Write.Outcome == BranchWriteOutcome.Unchanged;
}
