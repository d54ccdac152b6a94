namespace Cake.Release.Charts;

/// <summary>The release commit's trailer naming its tag, by which a re-run finds the commit to tag when an earlier run pushed it but not the tag.</summary>
internal static class ReleaseCommit
{
    public const string Trailer = "Release-Tag";
}
