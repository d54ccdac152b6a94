namespace Cake.Release.Promotion;

/// <summary>What <see cref="HotfixAliases.Hotfix"/> did (or, in a dry run, would do).</summary>
/// <param name="Service">The service.</param>
/// <param name="Fix">The commit that was cherry-picked (full id).</param>
/// <param name="Branch">The release branch, e.g. <c>release/blue-1.6</c>.</param>
/// <param name="Commit">The release commit on the branch: the cherry-pick, or the branch tip holding the fix.</param>
/// <param name="Version">The release version, e.g. <c>1.6.2</c>.</param>
/// <param name="Tag">The release tag, e.g. <c>blue/1.6.2</c>.</param>
/// <param name="Outcome">Released, completed, already released or planned.</param>
/// <param name="Build">The image built from <paramref name="Commit"/>; null when nothing was built.</param>
/// <param name="NextCommand">The command that takes the release on, e.g. <c>./build.sh --target=PromoteStaging --service=blue --version=1.6.2</c>.</param>
public sealed record HotfixResult(
    string Service,
    string Fix,
    string Branch,
    string Commit,
    string Version,
    string Tag,
    HotfixOutcome Outcome,
    HotfixBuild? Build,
    string? NextCommand);
