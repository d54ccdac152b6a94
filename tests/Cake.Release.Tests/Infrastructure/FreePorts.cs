using System.Net;
using System.Net.Sockets;

namespace Cake.Release.Tests.Infrastructure;

/// <summary>
/// Loopback ports for the servers the tests start. A port found free can be taken by another test (or another test
/// run on this machine) before the server binds it, so a server that binds here retries with another.
/// </summary>
public static class FreePorts
{
    /// <summary>A loopback port nothing listens on now; the caller retries if its server cannot bind it.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>An <see cref="HttpListener"/> started on <c>http://127.0.0.1:{port}/</c> at a free port.</summary>
    public static (HttpListener Listener, int Port) Listener()
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = Next();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return (listener, port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }
}
