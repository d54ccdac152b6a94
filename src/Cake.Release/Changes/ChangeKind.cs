namespace Cake.Release.Changes;

/// <summary>What a change entry was parsed from.</summary>
public enum ChangeKind
{
    /// <summary>A Conventional Commits header (<c>type(scope)!: description</c>).</summary>
    Conventional,

    /// <summary>A revert: git's <c>Revert "…"</c> subject or a <c>revert:</c> type.</summary>
    Revert,

    /// <summary>A message that is not a Conventional Commit; listed under "Other", never dropped.</summary>
    Other,
}
