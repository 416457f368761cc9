using System.Net;
using System.Net.Sockets;

namespace ShareKit.Ftp;

/// <summary>A PORT/EPRT target: the server connects to the client's own address, never to a privileged port.</summary>
internal sealed class ActiveDataChannel(IPEndPoint target, TimeSpan connectTimeout) : DataChannel
{
    public IPEndPoint Target => target;

    public override async ValueTask<Socket> ConnectAsync(CancellationToken ct)
    {
        var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(connectTimeout);
        try
        {
            await socket.ConnectAsync(target, timeout.Token).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            if (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                throw new TimeoutException("Could not connect to the client's data port in time.");
            }

            throw;
        }
    }
}
