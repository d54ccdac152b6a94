using System.Net;
using System.Text;

namespace Cake.Release.Tests.Infrastructure;

/// <summary>
/// A test double in front of a real DynamoDB-compatible server (dynalite), because nothing real here throttles on
/// demand: it answers the first <c>throttled</c> requests with DynamoDB's throttling error (HTTP 400,
/// ProvisionedThroughputExceededException), the next <c>failed</c> with HTTP 500, and forwards every later one
/// unchanged. It counts what it answered, so a test sees the client's retries.
/// </summary>
public sealed class ThrottlingProxy : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _forward = new();
    private readonly string _target;
    private readonly int _throttled;
    private readonly int _failed;
    private readonly Task _loop;
    private int _requests;

    public ThrottlingProxy(string target, int throttled, int failed)
    {
        (_target, _throttled, _failed) = (target.TrimEnd('/'), throttled, failed);
        Port = FreePorts.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(Serve);
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    /// <summary>Requests answered with the throttling error.</summary>
    public int Throttled { get; private set; }

    /// <summary>Requests answered with HTTP 500.</summary>
    public int Failed { get; private set; }

    /// <summary>Requests forwarded to the server.</summary>
    public int Forwarded { get; private set; }

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

            try
            {
                await Answer(context);
            }
            catch (Exception e) when (e is HttpListenerException or IOException or HttpRequestException)
            {
                context.Response.Abort();
            }
        }
    }

    private async Task Answer(HttpListenerContext context)
    {
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        var number = Interlocked.Increment(ref _requests);
        if (number <= _throttled)
        {
            Throttled++;
            await Reply(context.Response, 400, """{"__type":"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException","message":"The level of configured provisioned throughput for the table was exceeded (test double)"}""");
            return;
        }

        if (number <= _throttled + _failed)
        {
            Failed++;
            await Reply(context.Response, 500, """{"__type":"com.amazon.coral.service#InternalFailure","message":"internal failure (test double)"}""");
            return;
        }

        Forwarded++;
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.HttpMethod), _target + context.Request.RawUrl) { Content = new ByteArrayContent(body.ToArray()) };
        foreach (var name in context.Request.Headers.AllKeys.OfType<string>())
        {
            var value = context.Request.Headers[name]!;
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else if (!name.Equals("Host", StringComparison.OrdinalIgnoreCase) && !name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var answer = await _forward.SendAsync(request);
        var bytes = await answer.Content.ReadAsByteArrayAsync();
        context.Response.StatusCode = (int)answer.StatusCode;
        foreach (var header in answer.Headers.Concat(answer.Content.Headers).Where(h => !h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && !h.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.Headers[header.Key] = string.Join(",", header.Value);
        }

        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private static async Task Reply(HttpListenerResponse response, int status, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        response.StatusCode = status;
        response.ContentType = "application/x-amz-json-1.0";
        response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _forward.Dispose();
    }
}
