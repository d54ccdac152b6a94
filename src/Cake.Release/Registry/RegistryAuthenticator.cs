using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;

namespace Cake.Release.Registry;

/// <summary>
/// Answers a registry's 401 challenges: Basic with the credential, or Bearer by exchanging it (or nothing, for
/// anonymous pulls) at the challenge's realm for a token per scope, reused until it expires.
/// </summary>
internal sealed class RegistryAuthenticator(HttpClient http, RegistryCredential? credential, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, BearerToken> _tokens = new(StringComparer.Ordinal);
    // Hints that let later requests authorize up front; whether a 401 is worth a retry never depends on them.
    private volatile bool _basic;
    private volatile AuthChallenge? _bearer;

    public RegistryCredential? Credential => credential;

    /// <summary>Adds what the registry asked for last time, so most requests need no 401 round trip.</summary>
    public void Authorize(HttpRequestMessage request, string scope)
    {
        if (_bearer is not null && _tokens.TryGetValue(scope, out var token) && token.IsFreshAt(clock.GetUtcNow()))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        }
        else if (_basic && credential is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credential.BasicParameter);
        }
    }

    /// <summary>
    /// True when the challenge in <paramref name="response"/> could be answered and the request is worth sending
    /// again. Decided by what that request itself sent, since requests sent together each meet a 401 before any of
    /// them has learnt the scheme; the caller asks at most once per request.
    /// </summary>
    public async Task<bool> AnswerAsync(HttpResponseMessage response, string scope, CancellationToken cancellationToken)
    {
        var header = response.Headers.WwwAuthenticate.FirstOrDefault();
        var challenge = AuthChallenge.Parse(header is null ? null : $"{header.Scheme} {header.Parameter}");
        if (challenge is null)
        {
            return false;
        }

        if (challenge.IsBasic)
        {
            // No credential, or this very request carried it and was refused: sending it again changes nothing.
            if (credential is null || response.RequestMessage?.Headers.Authorization?.Scheme == "Basic")
            {
                return false;
            }

            _basic = true;
            return true;
        }

        if (!challenge.IsBearer || challenge.Realm is null)
        {
            return false;
        }

        _bearer = challenge;
        var token = await FetchTokenAsync(challenge, scope, cancellationToken).ConfigureAwait(false);
        if (token is null)
        {
            return false;
        }

        _tokens[scope] = token;
        return true;
    }

    private async Task<BearerToken?> FetchTokenAsync(AuthChallenge challenge, string scope, CancellationToken cancellationToken)
    {
        var query = new List<string>();
        if (challenge.Service is { } service)
        {
            query.Add("service=" + Uri.EscapeDataString(service));
        }

        // One scope parameter per scope, as docker sends them; a mount needs two repositories.
        foreach (var part in scope.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            query.Add("scope=" + Uri.EscapeDataString(part));
        }

        var realm = challenge.Realm!;
        var uri = new Uri(realm + (query.Count == 0 ? "" : (realm.Contains('?', StringComparison.Ordinal) ? "&" : "?") + string.Join('&', query)));
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (credential is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credential.BasicParameter);
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || !response.IsSuccessStatusCode)
        {
            return null;
        }

        return BearerToken.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false), clock.GetUtcNow());
    }
}
