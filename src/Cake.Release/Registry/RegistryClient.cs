using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Cake.Release.Registry;

/// <summary>
/// The OCI distribution API on <see cref="HttpClient"/>: manifests by tag or digest with their exact bytes, tag
/// lists, blob checks, uploads and cross-repository mounts. Every request goes through one place that authenticates,
/// retries what is worth retrying and turns the rest into a one-line <see cref="ReleaseException"/>.
/// </summary>
internal sealed class RegistryClient : IImageStore
{
    private const string DigestHeader = "Docker-Content-Digest";

    private readonly string _registry;
    private readonly Uri _api;
    private readonly HttpClient _http;
    private readonly RetryPolicy _retry;
    private readonly RegistryAuthenticator _auth;

    public RegistryClient(ImageReference location, RegistryCredential? credential, RegistrySettings settings, TimeProvider? clock = null)
    {
        _registry = location.Registry;
        _api = new Uri($"{(location.UsesPlainHttp ? "http" : "https")}://{location.ApiHost}/v2/");
        _retry = settings.Retry;
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = settings.RequestTimeout };
        _auth = new RegistryAuthenticator(_http, credential, clock ?? TimeProvider.System);
    }

    /// <summary>Tags asked for per page; the registry may send fewer and a Link to the next page.</summary>
    internal int TagPageSize { get; init; } = 1000;

    public async Task<ManifestDescriptor?> ResolveAsync(string repository, string reference, CancellationToken cancellationToken = default)
    {
        var what = Display(repository, reference);
        using var response = await SendAsync(() => ManifestRequest(HttpMethod.Head, repository, reference), Pull(repository), what, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, what, "read", cancellationToken).ConfigureAwait(false);
        var digest = Header(response, DigestHeader);
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (digest is null || mediaType is null || response.Content.Headers.ContentLength is not { } size)
        {
            // Some registries leave the headers off a HEAD answer: the bytes tell all.
            return (await GetManifestAsync(repository, reference, cancellationToken).ConfigureAwait(false)).Descriptor;
        }

        return new ManifestDescriptor(mediaType, digest, size);
    }

    public async Task<ImageManifest> GetManifestAsync(string repository, string reference, CancellationToken cancellationToken = default)
    {
        var what = Display(repository, reference);
        using var response = await SendAsync(() => ManifestRequest(HttpMethod.Get, repository, reference), Pull(repository), what, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, what, "read", cancellationToken).ConfigureAwait(false);
        var mediaType = response.Content.Headers.ContentType?.MediaType
            ?? throw new ReleaseException($"{what}: registry {_registry} sent a manifest without a Content-Type; it cannot be put elsewhere unchanged.");
        var manifest = new ImageManifest(mediaType, await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        var announced = Header(response, DigestHeader);
        var expected = ImageDigest.IsValid(reference) ? reference : announced;
        if (expected is not null && expected != manifest.Digest)
        {
            throw new ReleaseException($"{what}: registry {_registry} sent bytes whose digest is {manifest.Digest}, not {expected}; the registry or a proxy altered the manifest, so nothing was tagged.");
        }

        return manifest;
    }

    public async Task PutManifestAsync(string repository, string? tag, ImageManifest manifest, CancellationToken cancellationToken = default)
    {
        var reference = tag ?? manifest.Digest;
        var what = Display(repository, reference);
        using var response = await SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Put, new Uri(_api, $"{repository}/manifests/{reference}")) { Content = new ByteArrayContent(manifest.Content) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(manifest.MediaType);
                return request;
            },
            Push(repository),
            what,
            cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, what, "push", cancellationToken).ConfigureAwait(false);
        if (Header(response, DigestHeader) is { } stored && stored != manifest.Digest)
        {
            throw new ReleaseException($"{what}: registry {_registry} stored the manifest as {stored}, not {manifest.Digest}; it rewrote the bytes, so this registry cannot keep digests across tags.");
        }
    }

    public async Task<IReadOnlyList<string>> ListTagsAsync(string repository, CancellationToken cancellationToken = default)
    {
        var what = $"{_registry}/{repository}";
        var tags = new List<string>();
        var next = new Uri(_api, $"{repository}/tags/list?n={TagPageSize}");
        while (next is not null)
        {
            var page = next;
            using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, page), Pull(repository), what, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return tags;
            }

            await EnsureSuccessAsync(response, what, "list the tags of", cancellationToken).ConfigureAwait(false);
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            if (document.RootElement.TryGetProperty("tags", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                tags.AddRange(list.EnumerateArray().Select(t => t.GetString()).OfType<string>());
            }

            next = NextPage(response, page);
        }

        return tags;
    }

    public async Task<bool> HasBlobAsync(string repository, string digest, CancellationToken cancellationToken = default)
    {
        var what = $"{_registry}/{repository}@{digest}";
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Head, new Uri(_api, $"{repository}/blobs/{digest}")), Pull(repository), what, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureSuccessAsync(response, what, "read", cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<byte[]> GetBlobAsync(string repository, string digest, CancellationToken cancellationToken = default)
    {
        var what = $"{_registry}/{repository}@{digest}";
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, new Uri(_api, $"{repository}/blobs/{digest}")), Pull(repository), what, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, what, "read", cancellationToken).ConfigureAwait(false);
        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return ImageDigest.Of(content) == digest ? content
            : throw new ReleaseException($"{what}: registry {_registry} sent bytes whose digest is {ImageDigest.Of(content)}; the registry or a proxy altered the blob.");
    }

    public async Task PutBlobAsync(string repository, string digest, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (await HasBlobAsync(repository, digest, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var what = $"{_registry}/{repository}@{digest}";
        var upload = await StartUploadAsync(repository, "", what, cancellationToken).ConfigureAwait(false)
            ?? throw new ReleaseException($"{what}: registry {_registry} accepted an upload without saying where to send it (no Location header).");
        var start = content.Position;
        var target = new Uri(upload + (upload.Query.Length == 0 ? "?" : "&") + "digest=" + Uri.EscapeDataString(digest));
        using var response = await SendAsync(
            () =>
            {
                content.Position = start;
                var request = new HttpRequestMessage(HttpMethod.Put, target) { Content = new StreamContent(new UnclosableStream(content)) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                request.Content.Headers.ContentLength = content.Length - start;
                return request;
            },
            Push(repository),
            what,
            cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, what, "push", cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> MountBlobAsync(string repository, string digest, string fromRepository, CancellationToken cancellationToken = default)
    {
        var what = $"{_registry}/{repository}@{digest}";
        var query = $"?mount={Uri.EscapeDataString(digest)}&from={Uri.EscapeDataString(fromRepository)}";
        var scope = $"{Push(repository)} {Pull(fromRepository)}";
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, new Uri(_api, $"{repository}/blobs/uploads/{query}")), scope, what, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Created)
        {
            return true;
        }

        await EnsureSuccessAsync(response, what, "push", cancellationToken).ConfigureAwait(false);
        // 202: the registry could not mount and opened an upload instead; close it, the caller uploads.
        if (response.Headers.Location is { } location)
        {
            using var cancel = await SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, new Uri(_api, location)), scope, what, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    public void Dispose() => _http.Dispose();

    private async Task<Uri?> StartUploadAsync(string repository, string query, string what, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, new Uri(_api, $"{repository}/blobs/uploads/{query}")), Push(repository), what, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, what, "push", cancellationToken).ConfigureAwait(false);
        return response.Headers.Location is { } location ? new Uri(_api, location) : null;
    }

    private HttpRequestMessage ManifestRequest(HttpMethod method, string repository, string reference)
    {
        var request = new HttpRequestMessage(method, new Uri(_api, $"{repository}/manifests/{reference}"));
        foreach (var mediaType in ManifestMediaTypes.All)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
        }

        return request;
    }

    // The one place requests are sent: authentication, retries with backoff, and the final word when retries run out.
    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> create, string scope, string what, CancellationToken cancellationToken)
    {
        var challenged = false;
        for (var attempt = 1; ; attempt++)
        {
            string failure;
            TimeSpan? retryAfter = null;
            using (var request = create())
            {
                _auth.Authorize(request, scope);
                try
                {
                    var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                    if (response.StatusCode == HttpStatusCode.Unauthorized && !challenged)
                    {
                        challenged = true;
                        if (await _auth.AnswerAsync(response, scope, cancellationToken).ConfigureAwait(false))
                        {
                            response.Dispose();
                            attempt--;
                            continue;
                        }
                    }

                    if (!IsTransient(response.StatusCode))
                    {
                        return response;
                    }

                    failure = $"{(int)response.StatusCode} {response.ReasonPhrase}";
                    retryAfter = RetryAfter(response);
                    response.Dispose();
                }
                catch (HttpRequestException e)
                {
                    failure = e.Message;
                }
                catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = $"no answer within {_http.Timeout.TotalSeconds:0.#} s";
                }
            }

            if (!_retry.AllowsAnotherAfter(attempt))
            {
                throw new ReleaseException($"{what}: registry {_registry} failed {attempt} attempt(s), the last with: {failure}; check that it is running and reachable, then run again.");
            }

            await Task.Delay(_retry.DelayAfter(attempt, retryAfter), cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsTransient(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private async Task EnsureSuccessAsync(HttpResponseMessage response, string what, string action, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var (code, message) = await ErrorBodyAsync(response, cancellationToken).ConfigureAwait(false);
        var user = _auth.Credential;
        throw new ReleaseException(response.StatusCode switch
        {
            HttpStatusCode.Unauthorized when user is null =>
                $"{what}: registry {_registry} asks for a login to {action} it; set {RegistryCredentials.UsernameVariable} and {RegistryCredentials.PasswordVariable}, or run docker login {_registry}.",
            HttpStatusCode.Unauthorized =>
                $"{what}: registry {_registry} refused {user}; check that user name and password.",
            HttpStatusCode.Forbidden =>
                $"{what}: registry {_registry} does not let {(user is null ? "anonymous users" : user.ToString())} {action} it; ask the registry's owner for {action} access.",
            HttpStatusCode.NotFound =>
                $"{what}: not found in registry {_registry} ({code ?? "404"}); check the repository, tag or digest.",
            _ =>
                $"{what}: registry {_registry} answered {(int)response.StatusCode} {code ?? response.ReasonPhrase}{(message is null ? "" : ": " + message)} when asked to {action} it.",
        });
    }

    // The distribution spec's error body: {"errors":[{"code":"MANIFEST_UNKNOWN","message":"..."}]}.
    private static async Task<(string? Code, string? Message)> ErrorBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            {
                var first = errors[0];
                var code = first.TryGetProperty("code", out var c) ? c.GetString() : null;
                var message = first.TryGetProperty("message", out var m) ? m.GetString()?.ReplaceLineEndings(" ") : null;
                return (code, message);
            }
        }
        catch (JsonException)
        {
        }

        return (null, null);
    }

    // Pagination per the distribution spec: Link: </v2/<name>/tags/list?n=..&last=..>; rel="next".
    private Uri? NextPage(HttpResponseMessage response, Uri current)
    {
        if (!response.Headers.TryGetValues("Link", out var links))
        {
            return null;
        }

        foreach (var link in links.SelectMany(l => l.Split(',')))
        {
            var open = link.IndexOf('<', StringComparison.Ordinal);
            var close = link.IndexOf('>', StringComparison.Ordinal);
            if (open >= 0 && close > open && link[close..].Contains("rel=\"next\"", StringComparison.Ordinal))
            {
                var next = new Uri(current, link[(open + 1)..close]);
                return next == current ? null : next;
            }
        }

        return null;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() :
        response.Content.Headers.TryGetValues(name, out var contentValues) ? contentValues.FirstOrDefault() : null;

    private string Display(string repository, string reference) =>
        $"{_registry}/{repository}{(ImageDigest.IsValid(reference) ? "@" : ":")}{reference}";

    private static string Pull(string repository) => $"repository:{repository}:pull";

    private static string Push(string repository) => $"repository:{repository}:pull,push";
}
