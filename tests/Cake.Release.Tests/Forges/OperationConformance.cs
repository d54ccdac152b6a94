using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Cake.Release.Tests.Forges;

/// <summary>
/// Whether a request is one the operation accepts and an answer one it may give, by the forge's own description:
/// path and query parameters (required, known, typed, enumerated), the JSON body against its schema, the status
/// among those declared and the answered body against that status's schema. Each problem is one readable line.
/// </summary>
internal static class OperationConformance
{
    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    public static IReadOnlyList<string> CheckRequest(OpenApiDescription description, OpenApiOperation operation, IReadOnlyDictionary<string, string> pathValues, IReadOnlyList<KeyValuePair<string, string>> query, JsonNode? body, bool hasBody)
    {
        var problems = new List<string>();
        foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
        {
            if (pathValues.TryGetValue(parameter.Name, out var value))
            {
                problems.AddRange(Evaluate(description, $"{operation} path {parameter.Name}", parameter.Schema, Typed(description, parameter.Schema, [value])).Select(p => $"path parameter {parameter.Name}={value}: {p}"));
            }
        }

        var known = operation.Parameters.Where(p => p.In == "query").ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var group in query.GroupBy(q => q.Key.EndsWith("[]", StringComparison.Ordinal) ? q.Key[..^2] : q.Key, StringComparer.Ordinal))
        {
            if (!known.TryGetValue(group.Key, out var parameter))
            {
                problems.Add($"query parameter {group.Key} is not one the operation takes (it takes: {string.Join(", ", known.Keys.Order(StringComparer.Ordinal))})");
                continue;
            }

            var values = group.Select(g => g.Value).ToList();
            problems.AddRange(Evaluate(description, $"{operation} query {parameter.Name}", parameter.Schema, Typed(description, parameter.Schema, values)).Select(p => $"query parameter {parameter.Name}={string.Join(",", values)}: {p}"));
        }

        problems.AddRange(known.Values.Where(p => p.Required && !query.Any(q => q.Key == p.Name || q.Key == p.Name + "[]")).Select(p => $"required query parameter {p.Name} is missing"));

        if (operation.Body is null)
        {
            if (hasBody && body is not null)
            {
                problems.Add("the operation takes no request body, but one was sent");
            }
        }
        else if (!hasBody)
        {
            if (operation.BodyRequired)
            {
                problems.Add("the request body is required, but none was sent");
            }
        }
        else
        {
            problems.AddRange(Evaluate(description, $"{operation} body", operation.Body, body).Select(p => $"request body {p}"));
        }

        return problems;
    }

    public static IReadOnlyList<string> CheckResponse(OpenApiDescription description, OpenApiOperation operation, int status, JsonNode? body)
    {
        if (!operation.Declares(status))
        {
            return [$"answered {status}, which the operation does not declare (it declares {string.Join(", ", operation.DeclaredStatuses)})"];
        }

        return operation.ResponseSchema(status) is { } schema
            ? Evaluate(description, $"{operation} response {status}", schema, body).Select(p => $"response {status} body {p}").ToList()
            : [];
    }

    private static IEnumerable<string> Evaluate(OpenApiDescription description, string key, JsonNode schema, JsonNode? instance)
    {
        var results = description.Schema(key, schema).Evaluate(JsonSerializer.SerializeToElement(instance), Evaluation);
        if (results.IsValid)
        {
            return [];
        }

        return new[] { results }.Concat(results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"at '{d.InstanceLocation}': {e.Value} [{e.Key} at {d.EvaluationPath}]"))
            .Distinct(StringComparer.Ordinal)
            .Take(10)
            .DefaultIfEmpty("does not match its schema");
    }

    // Path and query values are text; the schema says what type the text stands for.
    private static JsonNode? Typed(OpenApiDescription description, JsonNode schema, IReadOnlyList<string> values)
    {
        var resolved = description.Resolve(schema);
        var type = resolved["type"] is JsonValue t ? (string?)t : null;
        if (type == "array")
        {
            var items = resolved["items"] ?? new JsonObject();
            var parts = values.Count == 1 ? values[0].Split(',') : values.ToArray();
            return new JsonArray(parts.Select(p => Typed(description, items, [p])).ToArray());
        }

        var text = values[^1];
        return type switch
        {
            "integer" when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => JsonValue.Create(integer),
            "number" when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            "boolean" when text is "true" or "false" => JsonValue.Create(text == "true"),
            _ => JsonValue.Create(text),
        };
    }
}
