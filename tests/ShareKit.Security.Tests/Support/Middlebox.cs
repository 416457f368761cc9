using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace ShareKit.Security.Tests.Support;

/// <summary>
/// A TCP relay between an initiator and a responder that understands the encrypted layer's framing
/// (2-byte handshake frames, then 4-byte records) and damages the initiator's record number <c>target</c>.
/// </summary>
public sealed class Middlebox : IAsyncDisposable
{
    private readonly Socket listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly Fault fault;
    private readonly int target;
    private readonly EndPoint upstream;
    private readonly List<Socket> sockets = [];
    private Task? relaying;

    public Middlebox(EndPoint upstream, Fault fault, int target)
    {
        this.upstream = upstream;
        this.fault = fault;
        this.target = target;
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        relaying = RelayAsync();
    }

    public EndPoint Endpoint => listener.LocalEndPoint!;

    public async ValueTask DisposeAsync()
    {
        listener.Dispose();
        foreach (var socket in sockets)
        {
            socket.Dispose();
        }

        if (relaying is not null)
        {
            try
            {
                await relaying;
            }
            catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException)
            {
            }
        }
    }

    private async Task RelayAsync()
    {
        var fromInitiator = await listener.AcceptAsync();
        var toResponder = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        sockets.Add(fromInitiator);
        sockets.Add(toResponder);
        await toResponder.ConnectAsync(upstream);
        await using var initiatorStream = new NetworkStream(fromInitiator, ownsSocket: false);
        await using var responderStream = new NetworkStream(toResponder, ownsSocket: false);
        var back = CopyBackAsync(responderStream, fromInitiator, initiatorStream);
        await ForwardAsync(initiatorStream, responderStream, toResponder);
        await back;
    }

    private static async Task CopyBackAsync(NetworkStream from, Socket toSocket, NetworkStream to)
    {
        try
        {
            await from.CopyToAsync(to);
            toSocket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException)
        {
        }
    }

    private async Task ForwardAsync(NetworkStream from, NetworkStream to, Socket toSocket)
    {
        try
        {
            // Handshake messages 1 and 3 pass untouched.
            for (var i = 0; i < 2; i++)
            {
                var header = new byte[2];
                await from.ReadExactlyAsync(header);
                var body = new byte[BinaryPrimitives.ReadUInt16BigEndian(header)];
                await from.ReadExactlyAsync(body);
                await to.WriteAsync(header);
                await to.WriteAsync(body);
            }

            byte[]? held = null;
            for (var index = 0; ; index++)
            {
                var record = await ReadRecordAsync(from);
                if (record is null)
                {
                    break;
                }

                if (index == target)
                {
                    switch (fault)
                    {
                        case Fault.FlipByte:
                            record[^5] ^= 0x20;
                            break;
                        case Fault.DropRecord:
                            continue;
                        case Fault.ReplayRecord:
                            await to.WriteAsync(record);
                            break;
                        case Fault.ReorderTwo:
                            held = record;
                            continue;
                        case Fault.Truncate:
                            toSocket.Shutdown(SocketShutdown.Send);
                            return;
                    }
                }

                await to.WriteAsync(record);
                if (held is not null)
                {
                    await to.WriteAsync(held);
                    held = null;
                }
            }

            toSocket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException)
        {
        }
    }

    private static async Task<byte[]?> ReadRecordAsync(NetworkStream from)
    {
        var header = new byte[4];
        var read = await from.ReadAtLeastAsync(header, 4, throwOnEndOfStream: false);
        if (read < 4)
        {
            return null;
        }

        var record = new byte[4 + BinaryPrimitives.ReadUInt32BigEndian(header)];
        header.CopyTo(record, 0);
        await from.ReadExactlyAsync(record.AsMemory(4));
        return record;
    }
}
