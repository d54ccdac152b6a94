using Cake.Release.Manifests;
using YamlDotNet.RepresentationModel;

namespace Cake.Release.Config;

/// <summary>
/// <c>render:</c> at the top of release.yaml (every environment's default) and per environment (over the default key
/// by key; <c>render: false</c> keeps an environment in place-edit mode). Each is checked as the environment will use
/// it: one source (an overlay or the chart), a folder per service on the branch, a selector that parses.
/// </summary>
internal static class RenderSection
{
    private static readonly string[] Keys = ["kustomize", "helm", "selector", "path"];
    private static readonly string[] Placeholders = ["service", "env"];

    /// <summary>The top-level default, unchecked until an environment uses it; null when absent.</summary>
    public static YamlMappingNode? Default(ConfigReader reader, YamlMappingNode root) =>
        ConfigReader.Optional(root, "render") is { } node ? reader.Mapping(node, "render", "render: with kustomize: <overlay dir> or helm: <values file>") : null;

    /// <summary>The rendering of one environment, or null when it edits its files in place.</summary>
    public static RenderConfig? Read(ConfigReader reader, YamlMappingNode? fallback, YamlMappingNode environment, string parent, string manifestsDir)
    {
        var own = ConfigReader.Optional(environment, "render");
        if (own is YamlScalarNode { Value: "false" })
        {
            return null;
        }

        if (own is YamlScalarNode { Value: "true" })
        {
            own = null;
            if (fallback is null)
            {
                throw reader.Error(ConfigReader.Optional(environment, "render")!, $"{parent}.render", $"{parent}.render is true, but release.yaml has no top-level render: to take it from; write render: {{ kustomize: <overlay dir> }} here or at the top");
            }
        }

        var map = own is null ? null : reader.Mapping(own, $"{parent}.render", "render: with kustomize: <overlay dir>, or render: false");
        if (map is null && fallback is null)
        {
            return null;
        }

        YamlNode? Key(string name, out string key)
        {
            if (map is not null && ConfigReader.Optional(map, name) is { } node)
            {
                key = $"{parent}.render.{name}";
                return node;
            }

            key = $"render.{name}";
            return fallback is null ? null : ConfigReader.Optional(fallback, name);
        }

        if (map is not null)
        {
            reader.Entries(map, $"{parent}.render", Keys, "a key of render");
        }

        if (fallback is not null)
        {
            reader.Entries(fallback, "render", Keys, "a key of render");
        }

        // An environment that names its own source replaces the default's source, not only the key it names.
        var ownSource = map is not null && (ConfigReader.Optional(map, "kustomize") is not null || ConfigReader.Optional(map, "helm") is not null);
        var kustomizeNode = ownSource ? ConfigReader.Optional(map!, "kustomize") : Key("kustomize", out _);
        var helmNode = ownSource ? ConfigReader.Optional(map!, "helm") : Key("helm", out _);
        var kustomizeKey = ownSource ? $"{parent}.render.kustomize" : "render.kustomize";
        var helmKey = ownSource ? $"{parent}.render.helm" : "render.helm";
        var at = own ?? (YamlNode)fallback!;
        if (kustomizeNode is not null && helmNode is not null)
        {
            throw reader.Error(helmNode, helmKey, $"{helmKey} and {kustomizeKey} are both set; render either the overlay (kustomize:) or the chart (helm:), not both");
        }

        if (kustomizeNode is null && helmNode is null)
        {
            var renderKey = map is null ? "render" : $"{parent}.render";
            throw reader.Error(at, renderKey, $"{renderKey} names nothing to render; add kustomize: <overlay dir, e.g. deploy/{{service}}/overlays/{{env}}> or helm: <values file of the chart, e.g. values-{{env}}.yaml>");
        }

        var kustomize = kustomizeNode is null ? null : Template(reader, kustomizeNode, kustomizeKey);
        var helm = helmNode is null ? null : helmNode is YamlScalarNode { Value: "" or null } ? TagTemplate.Parse("") : Template(reader, helmNode, helmKey);
        var selectorNode = Key("selector", out var selectorKey);
        var selector = selectorNode is null ? null : Template(reader, selectorNode, selectorKey);
        var pathNode = Key("path", out var pathKey);
        var path = pathNode is null ? RenderConfig.DefaultPath : Template(reader, pathNode, pathKey);

        if (kustomize is not null)
        {
            CheckPath(reader, kustomizeNode!, kustomizeKey, kustomize.Render(Sample));
            if (!kustomize.Uses("service") && selector is null)
            {
                throw reader.Error(kustomizeNode!, kustomizeKey,
                    $"{kustomizeKey} \"{kustomize}\" is one overlay every service shares, so each service's resources must be picked out of it; add selector: app={{service}} (the label that names the service) beside it");
            }
        }

        if (selector is not null && LabelSelector.TryParse(selector.Render(Sample), out _) is { } selectorProblem)
        {
            throw reader.Error(selectorNode!, selectorKey, $"{selectorKey} \"{selector}\" {selectorProblem}");
        }

        if (!path.Uses("service"))
        {
            throw reader.Error(pathNode!, pathKey, $"{pathKey} \"{path}\" has no {{service}}, so every service's rendered files would share one folder and overwrite each other; write e.g. rendered/{{env}}/{{service}}");
        }

        var rendered = CheckPath(reader, pathNode ?? at, pathKey, path.Render(Sample));
        if (rendered == "." || rendered == manifestsDir || rendered.StartsWith(manifestsDir + "/", StringComparison.Ordinal) || manifestsDir.StartsWith(rendered + "/", StringComparison.Ordinal))
        {
            throw reader.Error(pathNode ?? at, pathKey, $"{pathKey} \"{path}\" overlaps git.manifestsDir \"{manifestsDir}\", where the manifests live; give the rendered files their own folder, e.g. rendered/{{env}}/{{service}}");
        }

        return new RenderConfig { Kustomize = kustomize, Helm = helm, Selector = selector, Path = path, Location = reader.At(at, $"{parent}.render") };
    }

    private static TemplateValues Sample { get; } = new() { Service = "service", Environment = "env" };

    private static TagTemplate Template(ConfigReader reader, YamlNode node, string key)
    {
        var template = reader.Template(node, key);
        var other = template.Placeholders.FirstOrDefault(p => !Placeholders.Contains(p));
        return other is null ? template
            : throw reader.Error(node, key, $"{key} \"{template}\" uses {{{other}}}, which is not known when configuration is rendered; use {{service}} and {{env}} only");
    }

    private static string CheckPath(ConfigReader reader, YamlNode node, string key, string sample)
    {
        var (path, problem) = RepositoryPath.Normalize(sample);
        return problem is null ? path! : throw reader.Error(node, key, $"{key} {problem}");
    }
}
