using System.Diagnostics;
using System.Net;
using System.Text;

namespace Cake.Release.Tests.Infrastructure;

/// <summary>
/// Git's own smart-HTTP server (<c>git http-backend</c>, run as CGI per request) on 127.0.0.1 and a free port, over
/// the bare repositories of one folder, behind Basic authentication with one user and token: a remote that a clone
/// reaches as <c>http://user:token@127.0.0.1:port/origin.git</c>, the way CI checkouts carry a token in the URL.
/// </summary>
public sealed class GitHttpServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly string _root;
    private readonly string _authorization;
    private readonly Task _loop;

    public GitHttpServer(string root, string user, string token)
    {
        _root = root;
        _authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{token}"));
        (_listener, Port) = FreePorts.Listener();
        _loop = Task.Run(Serve);
    }

    public int Port { get; }

    /// <summary>The URL of a repository under the root, with the credentials in it.</summary>
    public string Url(string repository, string user, string token) => $"http://{user}:{token}@127.0.0.1:{Port}/{repository}";

    public void Dispose()
    {
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

            _ = Task.Run(() => Answer(context));
        }
    }

    private async Task Answer(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            if (request.Headers["Authorization"] != _authorization)
            {
                response.StatusCode = 401;
                response.AddHeader("WWW-Authenticate", "Basic realm=\"git\"");
                return;
            }

            var info = new ProcessStartInfo("git")
            {
                ArgumentList = { "http-backend" },
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.Environment["GIT_PROJECT_ROOT"] = _root;
            info.Environment["GIT_HTTP_EXPORT_ALL"] = "1";
            info.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
            info.Environment["REQUEST_METHOD"] = request.HttpMethod;
            info.Environment["PATH_INFO"] = request.Url!.AbsolutePath;
            info.Environment["QUERY_STRING"] = request.Url.Query.TrimStart('?');
            info.Environment["CONTENT_TYPE"] = request.ContentType ?? "";
            info.Environment["REMOTE_USER"] = "ci";
            info.Environment["REMOTE_ADDR"] = "127.0.0.1";
            if (request.Headers["Content-Encoding"] is { } encoding)
            {
                info.Environment["HTTP_CONTENT_ENCODING"] = encoding;
            }

            if (request.Headers["Git-Protocol"] is { } protocol)
            {
                info.Environment["GIT_PROTOCOL"] = protocol;
            }

            using var backend = Process.Start(info)!;
            var error = backend.StandardError.ReadToEndAsync();
            var output = new MemoryStream();
            var copyOut = backend.StandardOutput.BaseStream.CopyToAsync(output);
            await request.InputStream.CopyToAsync(backend.StandardInput.BaseStream);
            backend.StandardInput.Close();
            await copyOut;
            await backend.WaitForExitAsync();
            await error;
            Respond(response, output.ToArray());
        }
        finally
        {
            response.Close();
        }
    }

    // A CGI answer is header lines, a blank line, then the body; "Status:" sets the HTTP status.
    private static void Respond(HttpListenerResponse response, byte[] cgi)
    {
        var end = IndexOf(cgi, "\r\n\r\n"u8) is var crlf and >= 0 ? (crlf, 4) : (IndexOf(cgi, "\n\n"u8), 2);
        var headers = Encoding.ASCII.GetString(cgi, 0, Math.Max(end.Item1, 0)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var line in headers.Select(l => l.TrimEnd('\r')))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var (name, value) = (line[..colon], line[(colon + 1)..].Trim());
            if (name.Equals("Status", StringComparison.OrdinalIgnoreCase))
            {
                response.StatusCode = int.Parse(value.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                response.ContentType = value;
            }
            else if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                response.AddHeader(name, value);
            }
        }

        var body = end.Item1 < 0 ? cgi : cgi[(end.Item1 + end.Item2)..];
        response.ContentLength64 = body.Length;
        response.OutputStream.Write(body);
    }

    private static int IndexOf(byte[] data, ReadOnlySpan<byte> value) => data.AsSpan().IndexOf(value);
}
