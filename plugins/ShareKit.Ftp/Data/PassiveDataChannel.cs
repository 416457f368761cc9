using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace ShareKit.Ftp;

/// <summary>A PASV/EPSV listener that accepts one data connection, and only from the control connection's address.</summary>
internal sealed class PassiveDataChannel : DataChannel
{
    private const int MaxForeignConnections = 16;

    private readonly Socket listener;
    private readonly IPAddress client;
    private readonly TimeSpan acceptTimeout;
    private readonly ILogger logger;

    private PassiveDataChannel(Socket listener, IPAddress client, TimeSpan acceptTimeout, ILogger logger)
    {
        this.listener = listener;
        this.client = client;
        this.acceptTimeout = acceptTimeout;
        this.logger = logger;
    }

    public int Port => ((IPEndPoint)listener.LocalEndPoint!).Port;

    /// <summary>Opens a listener on <paramref name="local"/> with a port from <paramref name="ports"/>; null when every port is taken.</summary>
    public static PassiveDataChannel? Open(IPAddress local, PortRange? ports, IPAddress client, TimeSpan acceptTimeout, ILogger logger)
    {
        if (ports is not { } range)
        {
            return new PassiveDataChannel(Bind(local, 0)!, client, acceptTimeout, logger);
        }

        var start = Random.Shared.Next(range.Count);
        for (var i = 0; i < range.Count; i++)
        {
            if (Bind(local, range.First + ((start + i) % range.Count)) is { } socket)
            {
                return new PassiveDataChannel(socket, client, acceptTimeout, logger);
            }
        }

        return null;
    }

    public override async ValueTask<Socket> ConnectAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(acceptTimeout);
        try
        {
            for (var i = 0; i < MaxForeignConnections; i++)
            {
                var socket = await listener.AcceptAsync(timeout.Token).ConfigureAwait(false);
                var remote = FtpAddress.Normalize(((IPEndPoint)socket.RemoteEndPoint!).Address);
                if (remote.Equals(client))
                {
                    return socket;
                }

                FtpLog.ForeignDataConnection(logger, remote, client);
                socket.Dispose();
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException("The client did not open the data connection in time.");
        }

        throw new IOException("Too many data connections from foreign addresses.");
    }

    public override ValueTask DisposeAsync()
    {
        listener.Dispose();
        return base.DisposeAsync();
    }

    private static Socket? Bind(IPAddress local, int port)
    {
        var socket = new Socket(local.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(local, port));
            socket.Listen(1);
            return socket;
        }
        catch (SocketException) when (port != 0)
        {
            socket.Dispose();
            return null;
        }
    }
}
