using System.Collections.Specialized;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cake.Release.Tests.Forges;

/// <summary>
/// What the forge emulator does with every request, in the order a forge does it: route by the official description
/// (an unknown path or method is a violation), authenticate (no or an unknown token: 401), check the request against
/// the operation (a violation is answered as the forge answers it, GitHub 422, GitLab 400), serve it, then check the
/// answer against the operation too. Every request is logged; every violation is recorded.
/// </summary>
internal sealed class ForgeRequestPipeline(IForgeApi api, ForgeProject project)
{
    private readonly List<string> _requests = [];
    private readonly List<string> _violations = [];

    public IReadOnlyList<string> Requests => _requests;

    public IReadOnlyList<string> Violations => _violations;

    public ForgeAnswer Handle(string method, string path, string query, NameValueCollection headers, string bodyText)
    {
        var answer = Answer(method, path, query, headers, bodyText);
        _requests.Add($"{method} {path} {answer.Status}");
        return answer;
    }

    private ForgeAnswer Answer(string method, string path, string query, NameValueCollection headers, string bodyText)
    {
        var request = $"{method} {path}";
        var found = api.DescribedPath(path) is { } described ? api.Description.Find(method, described) : null;
        if (found is not { } route)
        {
            _violations.Add($"{request}: no operation of {api.Kind}'s OpenAPI description has this method and path");
            return api.NotFound(null);
        }

        var operation = route.Operation;
        if (project.UserOf(api.Token(headers)) is not { } user)
        {
            // Forges authenticate before they route to an operation, so 401 is not among an operation's declared
            // statuses in GitLab's description, nor in most of GitHub's; it is not checked against them.
            return api.Unauthorized();
        }

        JsonNode? body = null;
        var hasBody = bodyText.Trim().Length > 0;
        if (hasBody)
        {
            try
            {
                body = JsonNode.Parse(bodyText);
            }
            catch (JsonException e)
            {
                return Reject(request, operation, [$"the request body is not JSON: {e.Message}"]);
            }
        }

        var pairs = ParseQuery(query);
        var problems = OperationConformance.CheckRequest(api.Description, operation, route.PathValues, pairs, body, hasBody);
        if (problems.Count > 0)
        {
            return Reject(request, operation, problems);
        }

        ForgeAnswer answer;
        try
        {
            answer = api.Serve(new ForgeCall(operation, path, route.PathValues, pairs, body, user)) ?? Unserved(request, operation);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or JsonException)
        {
            _violations.Add($"{request}: the forge emulator failed on it ({operation.OperationId}): {e.Message}");
            return new ForgeAnswer(500, new JsonObject { ["message"] = e.Message });
        }

        if (answer.Violation is { } rule)
        {
            _violations.Add($"{request}: {rule}");
        }

        _violations.AddRange(OperationConformance.CheckResponse(api.Description, operation, answer.Status, answer.Body).Select(p => $"{request}: {p} ({operation.OperationId})"));
        return answer;
    }

    private ForgeAnswer Reject(string request, OpenApiOperation operation, IReadOnlyList<string> problems)
    {
        _violations.AddRange(problems.Select(p => $"{request}: {p} ({operation.OperationId})"));
        var answer = api.Rejected(operation, problems);
        // The rejection itself must have the shape the operation declares for it, where it declares one.
        if (operation.Declares(answer.Status))
        {
            _violations.AddRange(OperationConformance.CheckResponse(api.Description, operation, answer.Status, answer.Body).Select(p => $"{request}: the emulator's rejection: {p}"));
        }

        return answer;
    }

    private ForgeAnswer Unserved(string request, OpenApiOperation operation)
    {
        _violations.Add($"{request}: {operation.OperationId} exists in {api.Kind}'s description, but the forge emulator does not serve it (see /work/notes/forge-api.md)");
        return api.NotFound(operation);
    }

    private static List<KeyValuePair<string, string>> ParseQuery(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .Select(kv => KeyValuePair.Create(Decode(kv[0]), kv.Length > 1 ? Decode(kv[1]) : ""))
            .ToList();

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
