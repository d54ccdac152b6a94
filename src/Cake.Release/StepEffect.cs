namespace Cake.Release;

/// <summary>What one release step did (or, in a dry run, would do).</summary>
/// <param name="Step">registry-tags, release-branch, release-tag, manifest, milestone-tag, notify.</param>
/// <param name="Changed">Whether the step changed something; false when an earlier run already did it.</param>
/// <param name="Detail">One line saying what was done or found.</param>
public sealed record StepEffect(string Step, bool Changed, string Detail);
