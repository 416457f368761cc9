using System.Net;
using System.Net.Sockets;

namespace ShareKit.Security.Tests.Support;

/// <summary>Connected socket pairs on 127.0.0.1.</summary>
public static class Loopback
{
    public static async Task<(Socket Client, Socket Server)> SocketPairAsync()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var accept = listener.AcceptAsync();
        await client.ConnectAsync(listener.LocalEndPoint!);
        return (client, await accept);
    }

    public static async Task<(SocketConnection Client, SocketConnection Server)> ConnectionPairAsync()
    {
        var (client, server) = await SocketPairAsync();
        return (new SocketConnection(client), new SocketConnection(server));
    }
}
