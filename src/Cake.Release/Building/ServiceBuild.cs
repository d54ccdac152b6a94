namespace Cake.Release.Building;

/// <summary>One service's image at one commit.</summary>
/// <param name="Service">The service name.</param>
/// <param name="Commit">The full commit id built.</param>
/// <param name="Tag">The build tag, <c>tags.build</c> rendered for <paramref name="Commit"/> (e.g. <c>sha-3f2c1a0</c>).</param>
/// <param name="Image">The image repository without tag (<c>registry.example.com/acme/blue</c>, <c>oci:.release/registry/blue</c>).</param>
/// <param name="Digest">The manifest digest the tag names; empty in a dry run for an image that would be built.</param>
/// <param name="Built">False when the registry already had the tag and nothing was built.</param>
public sealed record ServiceBuild(string Service, string Commit, string Tag, string Image, string Digest, bool Built);
