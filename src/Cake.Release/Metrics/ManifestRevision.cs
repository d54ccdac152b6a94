using Cake.Release.Manifests;

namespace Cake.Release.Metrics;

/// <summary>One commit of an environment manifest's history: its message and the manifest it left.</summary>
/// <param name="Commit">The commit on the environment's branch.</param>
/// <param name="Message">Its full message: subject, then the trailer blocks.</param>
/// <param name="Manifest">The manifest at that commit; null where the file was deleted.</param>
public sealed record ManifestRevision(string Commit, string Message, EnvironmentManifest? Manifest);
