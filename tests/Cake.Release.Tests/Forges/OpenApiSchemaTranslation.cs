using System.Text.Json.Nodes;

namespace Cake.Release.Tests.Forges;

/// <summary>
/// Turns an OpenAPI 3.0 or Swagger 2.0 schema into a JSON Schema 2020-12 document that JsonSchema.Net evaluates:
/// the named schemas it reaches become <c>$defs</c> (only those, not the thousand GitHub has), <c>nullable</c> and
/// <c>x-nullable</c> admit null, a discriminator's mapping picks the one branch of a <c>oneOf</c> (a private user is
/// also a valid public user, so plain oneOf would refuse it), boolean exclusive bounds become numbers, and keywords
/// that only document (example, xml, x-*) go.
/// </summary>
internal static class OpenApiSchemaTranslation
{
    // Formats JsonSchema.Net checks and the forges use as such; others (int64, uri-template, repo.nwo) only document.
    private static readonly HashSet<string> CheckedFormats = ["date-time", "uri", "email"];

    public static JsonObject ToJsonSchema(JsonNode schema, OpenApiDescription description)
    {
        var definitions = new SortedDictionary<string, JsonNode?>(StringComparer.Ordinal);
        var pending = new Queue<string>();

        string Reference(string reference)
        {
            var name = reference[(reference.LastIndexOf('/') + 1)..].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (!definitions.ContainsKey(name))
            {
                definitions[name] = null;
                pending.Enqueue(name);
            }

            return "#/$defs/" + name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
        }

        var root = Convert(schema, Reference) as JsonObject ?? new JsonObject { ["allOf"] = new JsonArray(Convert(schema, Reference)) };
        while (pending.TryDequeue(out var name))
        {
            definitions[name] = Convert(description.Definition(name), Reference);
        }

        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        if (definitions.Count > 0)
        {
            root["$defs"] = new JsonObject(definitions.Select(d => KeyValuePair.Create(d.Key, d.Value)));
        }

        return root;
    }

    private static JsonNode? Convert(JsonNode? node, Func<string, string> reference)
    {
        if (node is not JsonObject schema)
        {
            return node?.DeepClone();
        }

        // In OpenAPI 3.0 and Swagger 2.0 a $ref's siblings are ignored.
        if (schema["$ref"] is JsonValue target)
        {
            return new JsonObject { ["$ref"] = reference((string)target!) };
        }

        var result = new JsonObject();
        foreach (var (key, value) in schema)
        {
            switch (key)
            {
                case "nullable" or "x-nullable" or "example" or "examples" or "xml" or "externalDocs" or "deprecated" or "discriminator":
                case var _ when key.StartsWith("x-", StringComparison.Ordinal):
                    break;
                case "format":
                    if (value is JsonValue format && CheckedFormats.Contains((string)format!))
                    {
                        result[key] = value.DeepClone();
                    }

                    break;
                case "type" when value is JsonValue named && (string?)named == "file":
                    break;
                case "properties" or "patternProperties":
                    result[key] = new JsonObject(value!.AsObject().Select(p => KeyValuePair.Create(p.Key, Convert(p.Value, reference))));
                    break;
                case "items" or "additionalProperties" or "not":
                    result[key] = value is JsonObject ? Convert(value, reference) : value?.DeepClone();
                    break;
                case "allOf" or "anyOf":
                    result[key] = new JsonArray(value!.AsArray().Select(v => Convert(v, reference)).ToArray());
                    break;
                case "oneOf":
                    result[key] = new JsonArray(value!.AsArray().Select(v => Convert(v, reference)).ToArray());
                    if (schema["discriminator"] is JsonObject { } discriminator && discriminator["mapping"] is JsonObject mapping)
                    {
                        result.Remove("oneOf");
                        result["anyOf"] = new JsonArray(mapping.Select(m => (JsonNode?)new JsonObject
                        {
                            ["required"] = new JsonArray((string)discriminator["propertyName"]!),
                            ["properties"] = new JsonObject { [(string)discriminator["propertyName"]!] = new JsonObject { ["const"] = m.Key } },
                            ["$ref"] = reference((string)m.Value!),
                        }).ToArray());
                    }

                    break;
                case "exclusiveMinimum" or "exclusiveMaximum" when value is JsonValue flag && flag.TryGetValue<bool>(out var exclusive):
                    var bound = key == "exclusiveMinimum" ? "minimum" : "maximum";
                    if (exclusive && schema[bound] is { } limit)
                    {
                        result[key] = limit.DeepClone();
                        result.Remove(bound);
                    }

                    break;
                case "minimum" or "maximum" when result.ContainsKey(key == "minimum" ? "exclusiveMinimum" : "exclusiveMaximum"):
                    break;
                default:
                    result[key] = value?.DeepClone();
                    break;
            }
        }

        var nullable = (bool?)(schema["nullable"] ?? schema["x-nullable"]) == true;
        if (!nullable)
        {
            return result;
        }

        if (result["type"] is JsonValue type && result["enum"] is null)
        {
            result["type"] = new JsonArray((string)type!, "null");
            return result;
        }

        return new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "null" }, result) };
    }
}
