using Cake.Release.GitOps;

namespace Cake.Release.Promotion;

/// <summary>What <see cref="DeployAliases.DeployDev"/> recorded.</summary>
/// <param name="Environment">The auto environment written.</param>
/// <param name="Deployments">One manifest update per image, in the order of the builds.</param>
public sealed record DeployDevResult(string Environment, IReadOnlyList<ManifestUpdateResult> Deployments);
