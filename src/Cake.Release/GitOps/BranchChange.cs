using Cake.Release.Manifests;

namespace Cake.Release.GitOps;

/// <summary>The commit a writer wants on a branch: its message and the new text of each file it edits.</summary>
/// <param name="Message">The commit message, trailers included.</param>
/// <param name="Files">The edited files; a file whose text equals the branch's is left out of the commit.</param>
/// <param name="Renders">What the edited Kustomize overlays must render before the commit is pushed.</param>
public sealed record BranchChange(string Message, IReadOnlyList<FileEdit> Files, IReadOnlyList<OverlayRelease>? Renders = null);

/// <summary>A file's path on the branch and the text it should have; null text deletes the file.</summary>
public sealed record FileEdit(string Path, string? Text);
