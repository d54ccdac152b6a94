namespace Cake.Release.Changes;

/// <summary>One change a commit describes. A squash-merge commit can describe several.</summary>
/// <param name="Kind">Conventional, revert, or other (unparseable).</param>
/// <param name="Type">The type (<c>feat</c>, <c>fix</c>…, lower case; <c>revert</c> for reverts); null for other.</param>
/// <param name="Scope">The scope in parentheses, if any.</param>
/// <param name="Description">The description after the colon (for other: the whole subject; for git's reverts: the reverted subject).</param>
/// <param name="Breaking">True for <c>!</c> before the colon or a <c>BREAKING CHANGE:</c> / <c>BREAKING-CHANGE:</c> footer.</param>
/// <param name="BreakingNote">The footer's text, when a footer says what breaks.</param>
/// <param name="Footers">The other footers (<c>Refs: #12</c>, <c>Reviewed-by: …</c>), in order.</param>
/// <param name="Sha">The commit it comes from.</param>
public sealed record ChangeEntry(
    ChangeKind Kind,
    string? Type,
    string? Scope,
    string Description,
    bool Breaking,
    string? BreakingNote,
    IReadOnlyList<KeyValuePair<string, string>> Footers,
    string Sha)
{
    /// <summary>The short id, as changelogs cite it.</summary>
    public string ShortSha => Sha[..Math.Min(7, Sha.Length)];
}
