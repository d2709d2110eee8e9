using System.Net;
using System.Net.Sockets;

namespace MissionOps.Testing;

/// <summary>Free loopback ports, for servers the tests start and for services that must know each other's address first.</summary>
public static class LoopbackPorts
{
    /// <summary>
    /// Below the kernel's ephemeral range (32768 and up on Linux), where outgoing connections take their local ports: a port
    /// chosen for a service that starts later must not be taken meanwhile by another service's connection to PostgreSQL.
    /// </summary>
    private const int Lowest = 20_000, Highest = 32_000;

    public static int Free()
    {
        for (var attempt = 0; attempt < 1_000; attempt++)
        {
            var port = Random.Shared.Next(Lowest, Highest);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
            }
        }

        throw new InvalidOperationException($"No free loopback port between {Lowest} and {Highest}.");
    }

    public static Uri AddressOf(int port) => new($"http://127.0.0.1:{port}");

    /// <summary>An address where nothing listens: a port taken and released at once.</summary>
    public static Uri Closed() => AddressOf(Free());
}
