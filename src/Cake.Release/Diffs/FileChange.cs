namespace Cake.Release.Diffs;

/// <summary>One file a write changed (or would change): its text before (null when new) and after (null when deleted).</summary>
public sealed record FileChange(string Path, string? Before, string? After);
