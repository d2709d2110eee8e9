using System.Net;
using System.Net.Sockets;

namespace MissionOps.Testing;

/// <summary>A loopback port that accepts connections and never answers: a service hung, not down.</summary>
public sealed class SilentServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<Socket> _accepted = [];
    private readonly Task _accepting;

    private SilentServer()
    {
        _listener.Start();
        Address = LoopbackPorts.AddressOf(((IPEndPoint)_listener.LocalEndpoint).Port);
        _accepting = AcceptAsync();
    }

    public Uri Address { get; }

    public static SilentServer Start() => new();

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _accepting;
        lock (_accepted)
        {
            _accepted.ForEach(s => s.Dispose());
        }
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptSocketAsync();
                lock (_accepted)
                {
                    _accepted.Add(socket);
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }
}
