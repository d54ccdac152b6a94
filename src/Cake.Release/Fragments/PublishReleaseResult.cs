namespace Cake.Release.Fragments;

/// <summary>What <c>PublishRelease</c> found and did.</summary>
/// <param name="Table">The table.</param>
/// <param name="Repository">This repository's name in it.</param>
/// <param name="Facts">How many facts git holds (within the filters).</param>
/// <param name="Counts">What the publish did with them.</param>
/// <param name="Verification">What <c>--verify</c> found and repaired, or null without it.</param>
/// <param name="DryRun">Whether nothing was changed.</param>
public sealed record PublishReleaseResult(string Table, string Repository, int Facts, PublishCounts Counts, FragmentVerification? Verification, bool DryRun);
