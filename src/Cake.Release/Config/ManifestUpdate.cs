namespace Cake.Release.Config;

/// <summary>
/// One more file an environment's promotion writes on the environment's branch, beside its manifest
/// (<c>environments.&lt;env&gt;.updates[]</c>).
/// </summary>
public abstract record ManifestUpdate
{
    /// <summary>The services it is written for (<c>for:</c>); <see cref="UpdateServices.Images"/> by default.</summary>
    public UpdateServices For { get; init; } = UpdateServices.Images;

    /// <summary>Whether a release of <paramref name="service"/> writes this update.</summary>
    public bool AppliesTo(ServiceConfig service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return For == UpdateServices.All || (For == UpdateServices.Charts) == service.ChartOnly;
    }
}

/// <summary>
/// <c>kustomize: &lt;dir&gt;</c>: the overlay's <c>kustomization.yaml</c> (or <c>kustomization.yml</c>,
/// <c>Kustomization</c>) gets an <c>images:</c> entry per service with the new tag and digest. Always for images:
/// a chart without an image has no <c>images:</c> entry to write.
/// </summary>
/// <param name="Directory">The overlay folder, relative to the repository root, with '/' separators.</param>
public sealed record KustomizeUpdate(string Directory) : ManifestUpdate;

/// <summary>
/// <c>file: &lt;file&gt;</c> with <c>path:</c> and optional <c>value:</c>: one scalar in a YAML file (Helm values, an
/// Argo CD Application), created if missing (keys only: a selector's entry or document must be there).
/// </summary>
/// <param name="File">The YAML file, relative to the repository root, with '/' separators; a template such as <c>environments/{env}/argocd-applications.yaml</c>.</param>
/// <param name="Path">The key path, a template such as <c>{service}.image.tag</c> or <c>[metadata.name={service}-{env}].spec.source.targetRevision</c> (see <see cref="Yaml.YamlPath"/>).</param>
/// <param name="Value">The value written there; <c>{version}</c> unless <c>value:</c> says otherwise.</param>
public sealed record FileValueUpdate(string File, TagTemplate Path, TagTemplate Value) : ManifestUpdate
{
    /// <summary>The file for one release: <see cref="File"/> with its placeholders rendered.</summary>
    public string FileFor(TemplateValues values) => File.Contains('{', StringComparison.Ordinal) ? TagTemplate.Parse(File).Render(values) : File;
}
