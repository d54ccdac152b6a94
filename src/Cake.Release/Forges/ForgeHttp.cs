using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cake.Release.Forges;

/// <summary>
/// JSON over HTTP to a forge's REST API, shared by both forges: one client per run, the token in a header (never in a
/// URL, so no log line or error can carry it), errors that name the call and the forge's own reason, and GETs
/// retried once on a 5xx or 429.
/// </summary>
internal sealed class ForgeHttp : IDisposable
{
    private readonly HttpClient _client;
    private readonly string _forge;
    private readonly string _baseUrl;

    public ForgeHttp(string forge, string baseUrl, Action<HttpRequestHeaders> authorize, TimeSpan timeout, HttpMessageHandler? handler = null)
    {
        _forge = forge;
        _baseUrl = baseUrl.TrimEnd('/');
        _client = handler is null ? new HttpClient() : new HttpClient(handler);
        _client.Timeout = timeout;
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("Cake.Release");
        authorize(_client.DefaultRequestHeaders);
    }

    public JsonNode Send(HttpMethod method, string path, object? body = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, _baseUrl + path);
            if (body is not null)
            {
                request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
            }

            HttpResponseMessage response;
            try
            {
                response = _client.Send(request);
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
                throw new ReleaseException($"{_forge} did not answer {method} {path} at {Origin()}: {(error is TaskCanceledException ? "timed out" : error.Message)}; check git.forgeApi and the network, then run again.");
            }

            using (response)
            {
                var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text) ?? new JsonObject();
                }

                if (method == HttpMethod.Get && attempt < 2 && (status >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests))
                {
                    Thread.Sleep(TimeSpan.FromMilliseconds(500));
                    continue;
                }

                throw new ReleaseException($"{_forge} answered {status} {response.ReasonPhrase} to {method} {path}: {Reason(text)}{Advice(response.StatusCode)}");
            }
        }
    }

    public void Dispose() => _client.Dispose();

    private string Origin() => Uri.TryCreate(_baseUrl, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : _baseUrl;

    private string Advice(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => $"; the token was refused: check that {(_forge == "GitHub" ? "GITHUB_TOKEN" : "GITLAB_TOKEN")} is set to a valid token.",
        HttpStatusCode.Forbidden => "; the token lacks a permission: it needs to read and write pull requests (GitHub: pull-requests: write, contents: write; GitLab: the api scope, Developer role).",
        HttpStatusCode.NotFound => "; check git.forgeProject and git.forgeApi in release.yaml, and that the token can see the repository.",
        _ => ".",
    };

    // The forge's message, and its field errors, in one line.
    private static string Reason(string text)
    {
        try
        {
            var node = JsonNode.Parse(text);
            var message = node?["message"]?.ToString() ?? node?["error"]?.ToString() ?? text;
            var errors = node?["errors"] is JsonArray list ? list.Select(e => e?["message"]?.ToString() ?? e?["code"]?.ToString() ?? e?.ToJsonString()).OfType<string>().ToList() : [];
            return errors.Count == 0 ? message : $"{message} ({string.Join("; ", errors)})";
        }
        catch (JsonException)
        {
            var line = text.Split('\n')[0];
            return line.Length > 200 ? line[..200] + "…" : line;
        }
    }
}
