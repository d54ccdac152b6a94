using System.Net;
using System.Net.Sockets;

namespace Cake.Release.Tests.Infrastructure;

/// <summary>A loopback port nothing listens on now. Another process may take it before the server binds: callers retry.</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
