namespace Cake.Release.Init;

/// <summary>One file of the cluster wiring Init writes beside release.yaml (Argo CD or Flux objects).</summary>
/// <param name="Path">Where, relative to the repository root, with '/' separators (e.g. <c>deploy/argocd/dev.yaml</c>).</param>
/// <param name="Text">The file's text, with '\n' line ends and a final newline.</param>
public sealed record WiringFile(string Path, string Text);
