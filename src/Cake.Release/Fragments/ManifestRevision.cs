namespace Cake.Release.Fragments;

/// <summary>One commit of an environment's manifest history: its id, its message (subject and trailers) and the manifest's text then (null where the file was deleted).</summary>
/// <param name="Commit">The manifest commit.</param>
/// <param name="Message">Its full message.</param>
/// <param name="Text">The manifest's text at that commit, or null.</param>
internal sealed record ManifestRevision(string Commit, string Message, string? Text);
