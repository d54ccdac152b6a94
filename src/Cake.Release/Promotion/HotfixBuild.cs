namespace Cake.Release.Promotion;

/// <summary>The image a hotfix built once from its release commit.</summary>
/// <param name="Tag">The build tag (<c>tags.build</c> for the release commit, e.g. <c>sha-3f2c1a0</c>).</param>
/// <param name="Image">The image repository.</param>
/// <param name="Digest">The pushed image's digest.</param>
public sealed record HotfixBuild(string Tag, string Image, string Digest);
