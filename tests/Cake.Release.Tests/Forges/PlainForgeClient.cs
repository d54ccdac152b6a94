using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Forges;

/// <summary>
/// Plain HttpClient calls to a forge emulator, with the headers each forge's clients send, for the emulator's own
/// tests: they must not lean on the product's forge clients, which are tested against the emulator.
/// </summary>
internal sealed class PlainForgeClient(ForgeEmulator forge) : IDisposable
{
    private readonly HttpClient _client = new();

    public (HttpStatusCode Status, JsonNode? Body) Send(HttpMethod method, string path, string? token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, forge.ApiUrl + path);
        if (forge.Kind == "github")
        {
            if (token is not null)
            {
                request.Headers.Add("Authorization", $"Bearer {token}");
            }

            request.Headers.Add("Accept", "application/vnd.github+json");
            request.Headers.Add("X-GitHub-Api-Version", "2022-11-28");
            request.Headers.Add("User-Agent", "Cake.Release.Tests");
        }
        else if (token is not null)
        {
            request.Headers.Add("PRIVATE-TOKEN", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = _client.Send(request);
        var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public void Dispose() => _client.Dispose();

    /// <summary>A new branch on the bare origin with one more commit than main (or than <paramref name="from"/>); returns its commit.</summary>
    public static string PushBranch(GitRemote remote, string branch, string path, string text, string from = "main")
    {
        var clone = remote.Clone();
        GitRemote.Git(clone, "checkout", "--quiet", "-B", branch, $"origin/{from}");
        File.WriteAllText(Path.Combine(clone, path), text);
        GitRemote.Git(clone, "add", "--all");
        GitRemote.Git(clone, "commit", "--quiet", "-m", $"change {path} on {branch}");
        GitRemote.Git(clone, "push", "--quiet", "origin", $"HEAD:refs/heads/{branch}");
        return GitRemote.Git(clone, "rev-parse", "HEAD").Trim();
    }
}
