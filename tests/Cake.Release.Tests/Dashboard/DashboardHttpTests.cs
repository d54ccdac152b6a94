using System.Net;
using System.Text.Json;
using Cake.Release.Dashboard;

namespace Cake.Release.Tests.Dashboard;

/// <summary>The dashboard's HTTP surface: read-only, strict headers, no CORS, loopback names only, the JSON of --format=json.</summary>
public sealed class DashboardHttpTests : IDisposable
{
    private readonly DashboardSite _site = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };

    public void Dispose()
    {
        _http.Dispose();
        _site.Dispose();
    }

    [Theory]
    [InlineData("POST", "/")]
    [InlineData("PUT", "/api/status.json")]
    [InlineData("DELETE", "/component/github.com%2Facme%2Fshop/api")]
    public async Task Anything_but_get_is_405(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(_site.Url, path)) { Content = new StringContent("x") };

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_answer_carries_the_strict_policy_and_no_cors_header_even_to_another_origin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _site.Url);
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DashboardHost.ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("script-src 'self'", DashboardHost.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", DashboardHost.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.DoesNotContain(response.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
        var page = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        // No external assets: every src and href is a path of this server.
        Assert.DoesNotMatch(@"(src|href)=""(https?:)?//", page);
        Assert.Matches(@"<script src=""/assets/dashboard\.js"" defer>", page);
        Assert.Contains("&lt;img src=x onerror=", page, StringComparison.Ordinal);
        Assert.DoesNotContain(DashboardSite.Hostile, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_naming_another_host_is_refused_on_loopback()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _site.Url);
        request.Headers.Host = "rebound.evil.example";

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_json_is_the_filtered_fragments_and_an_unknown_component_is_404()
    {
        using var json = JsonDocument.Parse(await _http.GetStringAsync(new Uri(_site.Url, "/api/status.json?kind=kafka")));
        Assert.Equal(["dev", "prod"], json.RootElement.EnumerateArray().Select(f => f.GetProperty("environment").GetString()));
        Assert.All(json.RootElement.EnumerateArray(), f => Assert.Equal("gitlab.example.com/pay/ledger/ledger-events", f.GetProperty("component").GetString()));

        using var missing = await _http.GetAsync(new Uri(_site.Url, "/component/github.com%2Facme%2Fshop/nothing"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var elsewhere = await _http.GetAsync(new Uri(_site.Url, "/etc/passwd"));
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }

    [Theory]
    [InlineData(null, "127.0.0.1:8080", true)]
    [InlineData("", "127.0.0.1:8080", true)]
    [InlineData("9000", "127.0.0.1:9000", true)]
    [InlineData("localhost:9000", "127.0.0.1:9000", true)]
    [InlineData("[::1]:9000", "[::1]:9000", true)]
    [InlineData("0.0.0.0:9000", "0.0.0.0:9000", false)]
    [InlineData("192.168.1.5:80", "192.168.1.5:80", false)]
    public void Only_an_address_written_out_leaves_loopback(string? given, string address, bool loopback)
    {
        var parsed = DashboardAddress.Parse(given);

        Assert.Equal((address, loopback), (parsed.ToString(), parsed.IsLoopback));
    }

    [Theory]
    [InlineData("*:8080")]
    [InlineData("example.com:8080")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:99999")]
    public void An_address_that_is_not_one_is_one_line_with_the_fix(string given)
    {
        var refused = Assert.Throws<ReleaseException>(() => DashboardAddress.Parse(given));

        Assert.StartsWith($"--serve={given} is not an address to listen on; write --serve (127.0.0.1:8080)", refused.Message, StringComparison.Ordinal);
    }
}
