namespace Cake.Release.Config;

/// <summary>
/// One more file an environment's promotion writes on the environment's branch, beside its manifest
/// (<c>environments.&lt;env&gt;.updates[]</c>).
/// </summary>
public abstract record ManifestUpdate;

/// <summary>
/// <c>kustomize: &lt;dir&gt;</c>: the overlay's <c>kustomization.yaml</c> (or <c>kustomization.yml</c>,
/// <c>Kustomization</c>) gets an <c>images:</c> entry per service with the new tag and digest.
/// </summary>
/// <param name="Directory">The overlay folder, relative to the repository root, with '/' separators.</param>
public sealed record KustomizeUpdate(string Directory) : ManifestUpdate;

/// <summary>
/// <c>file: &lt;file&gt;</c> with <c>path:</c> and optional <c>value:</c>: one scalar in a YAML file (Helm values, an
/// Argo CD Application), created if missing.
/// </summary>
/// <param name="File">The YAML file, relative to the repository root, with '/' separators.</param>
/// <param name="Path">The dotted key path, a template such as <c>{service}.image.tag</c>.</param>
/// <param name="Value">The value written there; <c>{version}</c> unless <c>value:</c> says otherwise.</param>
public sealed record FileValueUpdate(string File, TagTemplate Path, TagTemplate Value) : ManifestUpdate;
