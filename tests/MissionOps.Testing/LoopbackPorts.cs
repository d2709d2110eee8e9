using System.Net;
using System.Net.Sockets;

namespace MissionOps.Testing;

/// <summary>Free loopback ports, for servers the tests start and for services that must know each other's address first.</summary>
public static class LoopbackPorts
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static Uri AddressOf(int port) => new($"http://127.0.0.1:{port}");

    /// <summary>An address where nothing listens: a port taken and released at once.</summary>
    public static Uri Closed() => AddressOf(Free());
}
