using System.Globalization;
using System.Text;
using Cake.Release.Reporting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Cake.Release.Dashboard;

/// <summary>
/// The dashboard's web server: Kestrel from the shared framework, one request handler, no routing, no logging
/// providers (the run's log says what matters). Read-only: GET and HEAD, anything else 405. Every answer carries a
/// strict Content-Security-Policy (own script and style only, no inline code, no frames), nosniff and no-referrer;
/// there are no CORS headers, so another site's page cannot read it. On loopback, a Host header naming another host
/// is refused (a DNS-rebinding page would send one).
/// </summary>
internal sealed class DashboardHost : IAsyncDisposable
{
    public const string ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);
    private readonly WebApplication _app;

    private DashboardHost(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The page's address, e.g. <c>http://127.0.0.1:8080/</c>.</summary>
    public Uri Url { get; }

    public static async Task<DashboardHost> StartAsync(StatusFeed feed, DashboardAddress address, TimeSpan interval, CancellationToken stopping)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "Cake.Release.Dashboard", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(address.Address, address.Port);
        });
        var app = builder.Build();
        var handler = new Handler(feed, interval, address.IsLoopback, stopping);
        app.Run(handler.HandleAsync);
        await app.StartAsync(stopping).ConfigureAwait(false);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? $"http://{address}";
        var url = new Uri(bound.EndsWith('/') ? bound : bound + "/");
        return new DashboardHost(app, url);
    }

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private sealed class Handler(StatusFeed feed, TimeSpan interval, bool loopback, CancellationToken stopping)
    {
        public async Task HandleAsync(HttpContext context)
        {
            var response = context.Response;
            response.Headers["Content-Security-Policy"] = ContentSecurityPolicy;
            response.Headers["X-Content-Type-Options"] = "nosniff";
            response.Headers["Referrer-Policy"] = "no-referrer";
            response.Headers["X-Frame-Options"] = "DENY";
            response.Headers["Cache-Control"] = "no-store";
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
            {
                response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                response.Headers["Allow"] = "GET, HEAD";
                await Text(response, "text/plain", "The release status is read-only: GET or HEAD only.\n").ConfigureAwait(false);
                return;
            }

            if (loopback && !IsLoopbackHost(context.Request.Host.Host))
            {
                response.StatusCode = StatusCodes.Status400BadRequest;
                await Text(response, "text/plain", "This dashboard answers to 127.0.0.1, [::1] or localhost only.\n").ConfigureAwait(false);
                return;
            }

            var path = context.Request.Path.Value ?? "/";
            var filter = Filter(context.Request.Query);
            switch (path)
            {
                case "/":
                    await Text(response, "text/html", DashboardPages.Matrix(feed.Status, filter, feed.Reader.Where, feed.Problem, feed.Generation, interval)).ConfigureAwait(false);
                    return;
                case "/matrix":
                    await Text(response, "text/html", DashboardPages.Table(feed.Status, filter, feed.Problem)).ConfigureAwait(false);
                    return;
                case "/api/status.json":
                    await Text(response, "application/json", StatusJson.Render(filter.Apply(feed.Status))).ConfigureAwait(false);
                    return;
                case "/events":
                    await EventsAsync(context, filter).ConfigureAwait(false);
                    return;
                case DashboardAssets.StylePath:
                    await Text(response, "text/css", DashboardAssets.Style).ConfigureAwait(false);
                    return;
                case DashboardAssets.ScriptPath:
                    await Text(response, "text/javascript", DashboardAssets.Script).ConfigureAwait(false);
                    return;
            }

            if (path.StartsWith("/component/", StringComparison.Ordinal))
            {
                await ComponentAsync(context).ConfigureAwait(false);
                return;
            }

            response.StatusCode = StatusCodes.Status404NotFound;
            await Text(response, "text/html", DashboardPages.Message("Not found", $"Nothing is served at {path}.")).ConfigureAwait(false);
        }

        // The repository in the path is URL-encoded (its slashes as %2F), which the decoded path no longer shows: read the raw target.
        private async Task ComponentAsync(HttpContext context)
        {
            var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
            var segments = raw.Split('?', 2)[0].Split('/');
            StatusComponent? component = null;
            if (segments is ["", "component", var repositoryText, var serviceText] && repositoryText.Length > 0 && serviceText.Length > 0)
            {
                var repository = Uri.UnescapeDataString(repositoryText);
                var service = Uri.UnescapeDataString(serviceText);
                var status = feed.Status;
                component = status.Services.Select(status.Component)
                    .FirstOrDefault(c => (c.Repository ?? "-") == repository && c.Service == service)
                    ?? (repository == "-" ? null : new StatusComponent(repository, "", service));
            }

            if (component is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                await Text(context.Response, "text/html", DashboardPages.Message("Not found", "No such component in the release status; components are linked from the matrix.")).ConfigureAwait(false);
                return;
            }

            var history = await feed.Reader.HistoryAsync(component, context.RequestAborted).ConfigureAwait(false);
            if (history.Count > 0 && component.Kind.Length == 0)
            {
                component = component with { Kind = history[^1].Kind };
            }
            else if (history.Count == 0 && component.Kind.Length == 0)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
            }

            await Text(context.Response, "text/html", DashboardPages.Component(component, history, feed.Reader.Where)).ConfigureAwait(false);
        }

        // Server-sent events: the filtered matrix whenever the feed changed after the generation the page was made from.
        private async Task EventsAsync(HttpContext context, StatusFilter filter)
        {
            var response = context.Response;
            response.ContentType = "text/event-stream; charset=utf-8";
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            var since = long.TryParse(context.Request.Query["since"], NumberStyles.None, CultureInfo.InvariantCulture, out var given) ? given : feed.Generation;
            using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            try
            {
                await response.WriteAsync($"retry: {(int)interval.TotalMilliseconds}\n\n", ended.Token).ConfigureAwait(false);
                await response.Body.FlushAsync(ended.Token).ConfigureAwait(false);
                while (!ended.IsCancellationRequested)
                {
                    var changed = feed.ChangedAfter(since);
                    if (await Task.WhenAny(changed, Task.Delay(KeepAlive, ended.Token)).ConfigureAwait(false) == changed)
                    {
                        since = feed.Generation;
                        var html = DashboardPages.Table(feed.Status, filter, feed.Problem);
                        var message = new StringBuilder("event: matrix\n");
                        foreach (var line in html.TrimEnd('\n').Split('\n'))
                        {
                            message.Append("data: ").Append(line).Append('\n');
                        }

                        await response.WriteAsync(message.Append('\n').ToString(), ended.Token).ConfigureAwait(false);
                    }
                    else
                    {
                        await response.WriteAsync(": keep-alive\n\n", ended.Token).ConfigureAwait(false);
                    }

                    await response.Body.FlushAsync(ended.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (ended.IsCancellationRequested)
            {
                // The page went away, or the server stops.
            }
        }

        private static StatusFilter Filter(IQueryCollection query)
        {
            IReadOnlyList<string> Values(string name) =>
                query.TryGetValue(name, out var values) ? [.. values.OfType<string>().Where(v => v.Length > 0)] : [];
            return new StatusFilter
            {
                Versions = Values("version"),
                Kinds = Values("kind"),
                Environments = Values("env"),
                Repositories = Values("repository"),
                Services = Values("service"),
            };
        }

        private static bool IsLoopbackHost(string host) =>
            host is "127.0.0.1" or "localhost" or "[::1]" or "::1" || host.StartsWith("127.", StringComparison.Ordinal);

        private static Task Text(HttpResponse response, string type, string text)
        {
            response.ContentType = type + "; charset=utf-8";
            return response.WriteAsync(text, Encoding.UTF8);
        }
    }
}
