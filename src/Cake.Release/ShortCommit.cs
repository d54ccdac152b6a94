namespace Cake.Release;

/// <summary>How a commit is named in messages: its first seven hex digits, as <c>git log --oneline</c> shows it.</summary>
internal static class ShortCommit
{
    public static string Of(string commit) => commit.Length > 7 ? commit[..7] : commit;
}
