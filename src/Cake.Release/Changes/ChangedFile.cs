namespace Cake.Release.Changes;

/// <summary>One file that differs between a base and a head commit.</summary>
/// <param name="Status">Added, modified, deleted or renamed.</param>
/// <param name="Path">The path at head (for a deletion: the path it had), relative to the repository root, '/' separated.</param>
/// <param name="OldPath">For a rename, the path at the base; otherwise null.</param>
public sealed record ChangedFile(FileChangeStatus Status, string Path, string? OldPath = null)
{
    /// <summary>Every path the change touches: both sides of a rename, else the one path.</summary>
    public IReadOnlyList<string> Paths => OldPath is null ? [Path] : [OldPath, Path];

    /// <summary>As the log shows it: <c>projects/blue/app.txt (modified)</c>, <c>a.txt → b.txt (renamed)</c>.</summary>
    public override string ToString() => OldPath is null
        ? $"{Path} ({Status.ToString().ToLowerInvariant()})"
        : $"{OldPath} → {Path} (renamed)";
}
