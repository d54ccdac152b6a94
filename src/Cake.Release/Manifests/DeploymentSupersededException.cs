namespace Cake.Release.Manifests;

/// <summary>
/// A manifest write refused because the environment moved on while it was being written: another pipeline landed
/// an entry that the deployment may not replace (a higher version, say). Nothing was written.
/// </summary>
public sealed class DeploymentSupersededException : ReleaseException
{
    /// <summary>Creates the refusal; <paramref name="current"/> is the entry the branch's tip holds.</summary>
    public DeploymentSupersededException(string message, ManifestEntry? current)
        : base(message) => Current = current;

    /// <summary>The entry the environment runs now, which stays.</summary>
    public ManifestEntry? Current { get; }
}
