using NuGet.Versioning;

namespace Cake.Release.Versioning;

/// <summary>A git tag that marks one release of a line: <c>blue/1.6.0-rc.2</c> at a commit.</summary>
/// <param name="Name">The tag name, e.g. <c>blue/1.6.0</c>.</param>
/// <param name="Version">The version it names.</param>
/// <param name="Commit">The commit it points at (peeled through an annotated tag).</param>
public sealed record ReleaseTag(string Name, SemanticVersion Version, string Commit);
