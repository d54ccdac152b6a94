using Cake.Release.Manifests;

namespace Cake.Release.Promotion;

/// <summary>One commit of an environment manifest's history, as a rollback reads it: the service's entry at that commit.</summary>
/// <param name="Commit">The manifest commit on the environment's branch.</param>
/// <param name="Entry">The service's entry in the manifest at that commit; null when the service did not run there then.</param>
public sealed record RollbackRevision(string Commit, ManifestEntry? Entry);
