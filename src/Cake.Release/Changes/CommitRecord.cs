namespace Cake.Release.Changes;

/// <summary>One commit as git log gives it: enough to parse its message and cite it.</summary>
/// <param name="Sha">The full commit id.</param>
/// <param name="ParentCount">How many parents it has; more than one is a merge.</param>
/// <param name="Date">The author date.</param>
/// <param name="Message">The full message: subject, blank line, body and footers.</param>
public sealed record CommitRecord(string Sha, int ParentCount, DateTimeOffset Date, string Message)
{
    /// <summary>The first line of the message.</summary>
    public string Subject => Message.Split('\n', 2)[0].TrimEnd('\r');

    /// <summary>The short id, as changelogs cite it.</summary>
    public string ShortSha => Sha[..Math.Min(7, Sha.Length)];
}
