using System.Text.Json.Nodes;

namespace Cake.Release.Tests.Forges;

/// <summary>A request the forge emulator routed to an operation of the description, from an authenticated user.</summary>
internal sealed record ForgeCall(
    OpenApiOperation Operation,
    string RequestPath,
    IReadOnlyDictionary<string, string> PathValues,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    JsonNode? Body,
    string User)
{
    public string? QueryValue(string name) => Query.LastOrDefault(q => q.Key == name).Value;

    public string? BodyString(string name) => Body?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}

/// <summary>
/// What the forge emulator answers: a status, a JSON body (or none) and extra headers; and a violation when the
/// request broke a rule the description states only in words (GitHub: "title: Required unless issue is specified").
/// </summary>
internal sealed record ForgeAnswer(int Status, JsonNode? Body, IReadOnlyDictionary<string, string>? Headers = null, string? Violation = null);
