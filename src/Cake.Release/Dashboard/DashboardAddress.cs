using System.Globalization;
using System.Net;

namespace Cake.Release.Dashboard;

/// <summary>
/// Where <c>Status --serve</c> listens: <c>127.0.0.1:8080</c> unless told otherwise. A port alone
/// (<c>--serve=9000</c>) stays on loopback; any other address must be written out (<c>--serve=0.0.0.0:8080</c>),
/// and the server then warns that the page is reachable from the network. Port 0 takes a free port.
/// </summary>
/// <param name="Address">The IP address to bind.</param>
/// <param name="Port">The TCP port, 0 for any free one.</param>
public sealed record DashboardAddress(IPAddress Address, int Port)
{
    /// <summary>The default port.</summary>
    public const int DefaultPort = 8080;

    /// <summary>127.0.0.1:8080.</summary>
    public static DashboardAddress Default { get; } = new(IPAddress.Loopback, DefaultPort);

    /// <summary>True when only this machine can connect.</summary>
    public bool IsLoopback => IPAddress.IsLoopback(Address);

    /// <summary>The address as <c>--serve=</c> takes it; null or empty is <see cref="Default"/>.</summary>
    /// <param name="text">A port, <c>host:port</c> with an IP or <c>localhost</c>, or <c>[v6]:port</c>.</param>
    public static DashboardAddress Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Default;
        }

        var value = text.Trim();
        if (PortOf(value) is { } alone)
        {
            return new DashboardAddress(IPAddress.Loopback, alone);
        }

        var colon = value.LastIndexOf(':');
        if (colon > 0 && PortOf(value[(colon + 1)..]) is { } port)
        {
            var host = value[..colon];
            if (host.StartsWith('[') && host.EndsWith(']'))
            {
                host = host[1..^1];
            }

            if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                return new DashboardAddress(IPAddress.Loopback, port);
            }

            if (IPAddress.TryParse(host, out var address) && (host.Contains(':', StringComparison.Ordinal) || host.Count(c => c == '.') == 3))
            {
                return new DashboardAddress(address, port);
            }
        }

        throw new ReleaseException($"--serve={text} is not an address to listen on; write --serve (127.0.0.1:{DefaultPort}), --serve=<port>, or an IP address and port such as --serve=127.0.0.1:{DefaultPort} (0.0.0.0:{DefaultPort} makes the page reachable from the network).");
    }

    private static int? PortOf(string text) =>
        text.Length is > 0 and <= 5 && text.All(char.IsAsciiDigit) && int.Parse(text, CultureInfo.InvariantCulture) is var port and <= 65535 ? port : null;

    /// <inheritdoc/>
    public override string ToString() =>
        Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{Address}]:{Port}" : $"{Address}:{Port}";
}
