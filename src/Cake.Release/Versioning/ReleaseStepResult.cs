using Cake.Release.Diffs;
using Cake.Release.GitOps;

namespace Cake.Release.Versioning;

/// <summary>What a release step (NextVersion, BumpChart, WriteChangelog, ReleaseChart) did.</summary>
/// <param name="Name">The service, or the chart's name.</param>
/// <param name="Version">The version released (or already released); null when there is nothing to release.</param>
/// <param name="Tag">Its release tag (<c>tags.release</c>).</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Changes">The files changed (or that would change in a dry run), with their text before and after.</param>
/// <param name="Commit">ReleaseChart: the commit the tag names.</param>
public sealed record ReleaseStepResult(string Name, string? Version, string? Tag, ReleaseOutcome Outcome, IReadOnlyList<FileChange> Changes, string? Commit = null);
