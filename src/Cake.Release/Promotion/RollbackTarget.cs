using Cake.Release.Manifests;

namespace Cake.Release.Promotion;

/// <summary>What a rollback moves an environment to, chosen by <see cref="RollbackPlanner"/>.</summary>
/// <param name="Current">The service's entry that runs now.</param>
/// <param name="Target">The entry to run again: the version, digest and source commit it ran with before.</param>
/// <param name="Revision">The manifest commit that last recorded <paramref name="Target"/>.</param>
/// <param name="Ran">Every version that ran in the environment, oldest first, each once.</param>
public sealed record RollbackTarget(ManifestEntry Current, ManifestEntry Target, string Revision, IReadOnlyList<string> Ran)
{
    /// <summary>True when the environment already runs the target: there is nothing to do.</summary>
    public bool AlreadyRunning => Current.Version == Target.Version && Current.Digest == Target.Digest;
}
