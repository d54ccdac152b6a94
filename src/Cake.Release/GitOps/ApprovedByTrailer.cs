namespace Cake.Release.GitOps;

/// <summary>
/// The value of an <c>Approved-by:</c> trailer. A name given with <c>--approver</c> is only typed on a command line, so
/// it is recorded as <c>bob (unverified)</c>; an approval a forge confirmed is the name alone. Readers take the name
/// and the flag apart here, so a count or a match never mistakes "bob (unverified)" for another person.
/// </summary>
public static class ApprovedByTrailer
{
    private const string UnverifiedMark = " (unverified)";

    /// <summary>The trailer value for <paramref name="name"/>: the name, marked unless <paramref name="verified"/>.</summary>
    public static string Value(string name, bool verified)
    {
        ArgumentNullException.ThrowIfNull(name);
        return verified ? name : name + UnverifiedMark;
    }

    /// <summary>
    /// The approver's name and whether the trailer says the approval is unverified. Trailers written before the mark
    /// existed carry the name alone although they came from <c>--approver</c> too, so an unmarked value claims nothing
    /// either way: it is only as good as the way its commit was written.
    /// </summary>
    public static (string Name, bool Unverified) Read(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Trim();
        return text.EndsWith(UnverifiedMark, StringComparison.Ordinal) ? (text[..^UnverifiedMark.Length].TrimEnd(), true) : (text, false);
    }
}
