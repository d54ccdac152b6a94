using System.Text.Json.Nodes;

namespace Cake.Release.Tests.Forges;

/// <summary>One parameter of an operation, in OpenAPI 3.0 terms whichever version described it.</summary>
public sealed record OpenApiParameter(string Name, string In, bool Required, JsonNode Schema);

/// <summary>
/// One operation of an OpenAPI description: its method and path template, its parameters, its request body and
/// the statuses it may answer with their bodies. Swagger 2.0's body and form parameters become the request body, so
/// the checks do not care which version described the operation.
/// </summary>
public sealed class OpenApiOperation
{
    private readonly OpenApiDescription _description;
    private readonly JsonObject _operation;

    internal OpenApiOperation(OpenApiDescription description, string method, string template, JsonObject operation, JsonArray sharedParameters)
    {
        _description = description;
        _operation = operation;
        Method = method;
        Template = template;
        Segments = (description.BasePath.Length > 0 && template.StartsWith(description.BasePath, StringComparison.Ordinal) ? template[description.BasePath.Length..] : template).Split('/');
        var all = sharedParameters.Concat(operation["parameters"]?.AsArray() ?? []).Select(p => description.Resolve(p!).AsObject()).ToList();
        Parameters = all.Where(p => (string?)p["in"] is "path" or "query" or "header")
            .Select(p => new OpenApiParameter((string)p["name"]!, (string)p["in"]!, (bool?)p["required"] ?? false, ParameterSchema(p)))
            .GroupBy(p => (p.Name, p.In)).Select(g => g.Last()).ToList();
        (Body, BodyRequired) = ReadBody(all);
    }

    public string Method { get; }

    /// <summary>The path template as the description writes it, e.g. /repos/{owner}/{repo}/pulls.</summary>
    public string Template { get; }

    public string OperationId => (string?)_operation["operationId"] ?? $"{Method} {Template}";

    /// <summary>Where the forge documents the operation; GitHub puts it in every error body.</summary>
    public string? DocumentationUrl => (string?)_operation["externalDocs"]?["url"];

    /// <summary>The path below the base path, split at '/', e.g. "", "projects", "{id}", "merge_requests".</summary>
    public IReadOnlyList<string> Segments { get; }

    public IReadOnlyList<OpenApiParameter> Parameters { get; }

    /// <summary>The schema of a JSON request body, or null when the operation takes none.</summary>
    public JsonNode? Body { get; }

    public bool BodyRequired { get; }

    public IEnumerable<string> DeclaredStatuses => _operation["responses"]!.AsObject().Select(r => r.Key);

    /// <summary>Whether the operation declares a status (or a default response).</summary>
    public bool Declares(int status) => _operation["responses"]!.AsObject().ContainsKey(status.ToString(System.Globalization.CultureInfo.InvariantCulture)) || _operation["responses"]!.AsObject().ContainsKey("default");

    /// <summary>The JSON schema of the body answered with a status; null when the status declares no JSON body.</summary>
    public JsonNode? ResponseSchema(int status)
    {
        var responses = _operation["responses"]!.AsObject();
        var response = responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] ?? responses["default"];
        if (response is null)
        {
            return null;
        }

        response = _description.Resolve(response);
        return _description.IsSwagger2 ? response["schema"] : response["content"]?["application/json"]?["schema"];
    }

    public override string ToString() => $"{Method} {Template}";

    // Swagger 2.0 puts type, enum and items on the parameter itself; OpenAPI 3.0 under "schema".
    private static JsonNode ParameterSchema(JsonObject parameter)
    {
        if (parameter["schema"] is { } schema)
        {
            return schema;
        }

        var copy = new JsonObject();
        foreach (var (key, value) in parameter)
        {
            if (key is not ("name" or "in" or "required" or "description" or "collectionFormat" or "allowEmptyValue"))
            {
                copy[key] = value?.DeepClone();
            }
        }

        return copy;
    }

    private (JsonNode? Schema, bool Required) ReadBody(List<JsonObject> parameters)
    {
        if (_operation["requestBody"] is { } requestBody)
        {
            requestBody = _description.Resolve(requestBody);
            return (requestBody["content"]?["application/json"]?["schema"], (bool?)requestBody["required"] ?? false);
        }

        if (parameters.FirstOrDefault(p => (string?)p["in"] == "body") is { } body)
        {
            return (body["schema"], (bool?)body["required"] ?? false);
        }

        // Form parameters describe the fields of a body that GitLab also accepts as JSON.
        var form = parameters.Where(p => (string?)p["in"] == "formData").ToList();
        if (form.Count == 0)
        {
            return (null, false);
        }

        var properties = new JsonObject(form.Select(p => KeyValuePair.Create((string)p["name"]!, (JsonNode?)ParameterSchema(p))));
        var required = new JsonArray(form.Where(p => (bool?)p["required"] == true).Select(p => (JsonNode?)JsonValue.Create((string)p["name"]!)).ToArray());
        return (new JsonObject { ["type"] = "object", ["properties"] = properties, ["required"] = required }, required.Count > 0);
    }
}
