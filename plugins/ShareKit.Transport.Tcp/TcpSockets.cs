using System.Net.Sockets;

namespace ShareKit.Transport.Tcp;

/// <summary>Applies <see cref="TcpTransportOptions"/> to a socket, listening or connected.</summary>
internal static class TcpSockets
{
    public static Socket Create(AddressFamily family, TcpTransportOptions options)
    {
        var socket = new Socket(family, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            Configure(socket, options);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    // Accepted sockets inherit most options from the listener on Linux, but not on every platform: set them again.
    public static void Configure(Socket socket, TcpTransportOptions options)
    {
        socket.NoDelay = options.NoDelay;
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, options.KeepAlive);
        if (options.SendBufferSize > 0)
        {
            socket.SendBufferSize = options.SendBufferSize;
        }

        if (options.ReceiveBufferSize > 0)
        {
            socket.ReceiveBufferSize = options.ReceiveBufferSize;
        }
    }
}
