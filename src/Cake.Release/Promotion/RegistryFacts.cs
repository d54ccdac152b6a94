namespace Cake.Release.Promotion;

/// <summary>What the registry said about the image being promoted.</summary>
/// <param name="DigestExists">Whether the source's digest is in the service's repository; null when not asked.</param>
/// <param name="VersionTagDigest">The digest the release version's tag already names, or null when the tag is new.</param>
/// <param name="Problem">Why the registry could not be asked (unreachable, refused), or null.</param>
public sealed record RegistryFacts(bool? DigestExists, string? VersionTagDigest, string? Problem = null);
