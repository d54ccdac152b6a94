namespace Cake.Release.Config;

/// <summary>
/// Rendered mode (<c>render:</c>, at the top of release.yaml as the default and per environment): when a service goes
/// into an environment, its configuration as of the release's source commit (a Kustomize overlay, or its Helm chart)
/// is rendered with the service's image pinned to its digest, and the plain manifests are committed to the
/// environment's branch under <see cref="Path"/>, in the same commit as the manifest entry. The cluster applies what
/// is there; nothing else of the branch's files decides what runs.
/// </summary>
public sealed record RenderConfig
{
    /// <summary>The default folder of the rendered files on the environment's branch.</summary>
    public static TagTemplate DefaultPath { get; } = TagTemplate.Parse("rendered/{env}/{service}");

    /// <summary>
    /// The Kustomize overlay rendered, relative to the repository root: per service (<c>deploy/{service}/overlays/{env}</c>)
    /// or one every service shares (<c>k8s/overlays/{env}</c>, with <see cref="Selector"/>); null when the chart is rendered.
    /// </summary>
    public TagTemplate? Kustomize { get; init; }

    /// <summary>
    /// For Helm charts (<c>helm:</c>): the values file, relative to the service's chart, given to <c>helm template</c>
    /// (e.g. <c>values-{env}.yaml</c>); empty for the chart's own values only. Null when an overlay is rendered.
    /// </summary>
    public TagTemplate? Helm { get; init; }

    /// <summary>The label selector (e.g. <c>app={service}</c>) that picks a service's resources out of a shared overlay; null keeps every resource.</summary>
    public TagTemplate? Selector { get; init; }

    /// <summary>The folder of the rendered files on the environment's branch; <c>rendered/{env}/{service}</c> by default.</summary>
    public TagTemplate Path { get; init; } = DefaultPath;

    /// <summary>Where the rendering was declared, for errors about it.</summary>
    public ConfigLocation? Location { get; init; }

    /// <summary>The overlay folder for one service in one environment, or null when the chart is rendered.</summary>
    public string? OverlayFor(string service, string environment) => Kustomize?.Render(Values(service, environment));

    /// <summary>The values file, relative to the chart, for one environment (empty: the chart's own values only).</summary>
    public string? ValuesFor(string service, string environment) => Helm?.Text.Length == 0 ? string.Empty : Helm?.Render(Values(service, environment));

    /// <summary>The folder on the environment's branch that holds exactly one service's rendered files.</summary>
    public string PathFor(string service, string environment) => Path.Render(Values(service, environment)).TrimEnd('/');

    /// <summary>The selector for one service, or null when the overlay is the service's own.</summary>
    public string? SelectorFor(string service, string environment) => Selector?.Render(Values(service, environment));

    /// <summary>
    /// The folder named after the service in a per-service overlay (<c>deploy/blue</c> for <c>deploy/{service}/overlays/{env}</c>):
    /// changes there change the service's configuration. Null for a shared overlay or a chart.
    /// </summary>
    public string? ServiceFolder(string service)
    {
        if (Kustomize is null || !Kustomize.Uses("service"))
        {
            return null;
        }

        var segments = Kustomize.Text.Split('/');
        var at = Array.FindIndex(segments, s => s.Contains("{service}", StringComparison.Ordinal));
        var folder = string.Join('/', segments.Take(at + 1));
        return folder.Contains("{env", StringComparison.Ordinal) ? null : TagTemplate.Parse(folder).Render(new TemplateValues { Service = service });
    }

    private static TemplateValues Values(string service, string environment) => new() { Service = service, Environment = environment };
}
