using System.Net;
using System.Net.Sockets;

namespace ShareKit.Transport.Tests.Support;

/// <summary>
/// A raw loopback listener that never accepts and whose accept queue is already full, so Linux drops further
/// SYNs: a connect to it stays pending (until the client's timeout), deterministically and without leaving loopback.
/// </summary>
internal sealed class FullBacklogListener : IDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly List<Socket> _queued = [];

    public FullBacklogListener()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(0);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;

        // With backlog 0 the queue holds one connection; that one is completed by the kernel at once.
        var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        filler.Connect(new IPEndPoint(IPAddress.Loopback, Port));
        _queued.Add(filler);
    }

    public int Port { get; }

    public void Dispose()
    {
        foreach (var socket in _queued)
        {
            socket.Dispose();
        }

        _listener.Dispose();
    }
}
