using System.Text.Json.Nodes;

namespace Cake.Release.Tests.Forges;

/// <summary>
/// Merges Specs/gitlab-rest-docs-supplement.yaml (hand-written from GitLab's REST documentation, and labelled so)
/// into GitLab's trimmed official description: the Users and Notes operations it lacks, and corrections of the
/// property types its generator got wrong, so realistic answers are not flagged and wrong ones still are.
/// </summary>
internal static class GitLabDescriptionSupplement
{
    public static string PathBeside(string officialPath) => Path.Combine(Path.GetDirectoryName(officialPath)!, "gitlab-rest-docs-supplement.yaml");

    public static void Apply(JsonObject official, JsonObject supplement)
    {
        var paths = official["paths"]!.AsObject();
        foreach (var (path, item) in supplement["paths"]?.AsObject() ?? [])
        {
            paths[path] = item!.DeepClone();
        }

        var definitions = official["definitions"]!.AsObject();
        foreach (var (name, schema) in supplement["definitions"]?.AsObject() ?? [])
        {
            definitions[name] = schema!.DeepClone();
        }

        foreach (var correction in supplement["corrections"]?.AsArray() ?? [])
        {
            foreach (var name in correction!["definitions"]?.AsArray() ?? [])
            {
                var properties = definitions[(string)name!]?["properties"]?.AsObject()
                    ?? throw new InvalidDataException($"the GitLab supplement corrects {name}, which the official description does not define");
                foreach (var (property, schema) in correction["properties"]!.AsObject())
                {
                    properties[property] = schema!.DeepClone();
                }
            }

            foreach (var (path, methods) in correction["paths"]?.AsObject() ?? [])
            {
                foreach (var method in methods!.AsArray())
                {
                    var parameter = paths[path]?[(string)method!]?["parameters"]?.AsArray().FirstOrDefault(p => (string?)p!["name"] == (string)correction["parameter"]!)?.AsObject()
                        ?? throw new InvalidDataException($"the GitLab supplement corrects parameter {correction["parameter"]} of {method} {path}, which the official description does not have");
                    foreach (var key in new[] { "type", "format" })
                    {
                        parameter.Remove(key);
                    }

                    foreach (var (key, value) in correction["schema"]!.AsObject())
                    {
                        parameter[key] = value!.DeepClone();
                    }
                }
            }
        }
    }
}
