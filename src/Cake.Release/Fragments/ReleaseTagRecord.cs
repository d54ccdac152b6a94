namespace Cake.Release.Fragments;

/// <summary>A tag of the remote as the release record reads it: the commit it marks, when it was made and its message (empty for a lightweight tag).</summary>
/// <param name="Name">The tag name, e.g. <c>blue/1.6.1</c>.</param>
/// <param name="Commit">The commit it points at (peeled).</param>
/// <param name="At">The tagger's date, or the commit's for a lightweight tag.</param>
/// <param name="Message">The annotated tag's message.</param>
internal sealed record ReleaseTagRecord(string Name, string Commit, DateTimeOffset At, string Message);
