using Cake.Release.Manifests;

namespace Cake.Release.GitOps;

/// <summary>One commit of a manifest's history, as one service's history reads it.</summary>
/// <param name="Commit">The manifest commit.</param>
/// <param name="Entry">The service's entry then; null when it had none (or the file was gone).</param>
/// <param name="Unreadable">Why the manifest did not read then, or null when it did.</param>
internal sealed record ServiceRevision(string Commit, ManifestEntry? Entry, ManifestFormatException? Unreadable);
