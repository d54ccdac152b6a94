namespace Cake.Release.Yaml;

/// <summary>
/// One entry of a kustomization's <c>images:</c> list: the image <paramref name="Name"/> that manifests use, and what
/// kustomize replaces it with. Null fields are left as they are in the file.
/// </summary>
/// <param name="Name">The image name as the resources spell it (the entry's key).</param>
/// <param name="NewName">A new repository, or null.</param>
/// <param name="NewTag">A new tag, or null.</param>
/// <param name="Digest">A digest (<c>sha256:…</c>), or null; when set, kustomize renders <c>name@digest</c> and the tag is not used.</param>
public sealed record KustomizeImage(string Name, string? NewName = null, string? NewTag = null, string? Digest = null);
