using System.Net.Http.Headers;
using System.Text;

namespace Cake.Release.Notifications;

/// <summary>
/// Posts a payload to an incoming webhook. The URL is the secret (its path is the credential), so nothing this
/// returns or throws carries it: a failure is described by status code or error kind only.
/// </summary>
internal sealed class WebhookNotifier(TimeSpan timeout)
{
    /// <summary>Null when delivered; otherwise why not, without the URL.</summary>
    public string? Send(string url, string json)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "the configured value is not an http(s) URL";
        }

        using var http = new HttpClient { Timeout = timeout };
        using var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        try
        {
            using var response = http.PostAsync(uri, content).GetAwaiter().GetResult();
            return response.IsSuccessStatusCode ? null : $"the webhook answered HTTP {(int)response.StatusCode}";
        }
        catch (HttpRequestException e)
        {
            return $"the request failed ({e.HttpRequestError})";
        }
        catch (TaskCanceledException)
        {
            return $"no answer within {timeout.TotalSeconds:0} s";
        }
    }
}
