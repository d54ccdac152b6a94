using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Promotion;

/// <summary>An HTTP listener on 127.0.0.1 and a free port, standing in for Teams and Slack: it records what is posted.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly Task _loop;
    private readonly HttpListener _listener;

    public WebhookReceiver()
    {
        (_listener, Port) = FreePorts.Listener();
        _loop = Task.Run(Serve);
    }

    public int Port { get; }

    /// <summary>Paths answered with 500, as a broken webhook.</summary>
    public ConcurrentBag<string> Failing { get; } = [];

    /// <summary>Paths whose next request is recorded and never answered, as a webhook that hangs while the sender is killed.</summary>
    public ConcurrentDictionary<string, bool> HangOnce { get; } = new();

    public ConcurrentQueue<(string Path, string ContentType, string Body)> Received { get; } = new();

    /// <summary>A webhook URL whose path carries a secret token, as Teams and Slack URLs do.</summary>
    public string Url(string path) => $"http://127.0.0.1:{Port}/{path}";

    public void Dispose()
    {
        // Close alone: after Stop, .NET's managed listener binds the port again to unregister it in Close, and fails
        // when another test has taken the free port meanwhile.
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var path = context.Request.Url!.AbsolutePath.TrimStart('/');
            Received.Enqueue((path, context.Request.ContentType ?? "", await reader.ReadToEndAsync()));
            if (HangOnce.TryRemove(path, out _))
            {
                continue;
            }

            context.Response.StatusCode = Failing.Contains(path) ? 500 : 200;
            context.Response.Close();
        }
    }
}
