using Cake.Release.GitOps;
using Cake.Release.Versioning;
using NuGet.Versioning;

namespace Cake.Release.Charts;

/// <summary>What a release would do: its version and tag, and each file's new text; or that there is nothing to do.</summary>
internal sealed record ReleasePlan(
    ReleaseUnit Unit,
    SemanticVersion? Version,
    string? Tag,
    ReleaseTag? AlreadyTagged,
    ReleaseTag? LatestTag,
    IReadOnlyList<FileEdit> Edits,
    IReadOnlyList<string> Notes)
{
    public bool NothingToRelease => Version is null;
}
