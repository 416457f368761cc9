using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using ShareKit.Sdk;

namespace ShareKit.Security.Encrypted.Handshake;

/// <summary>Handshake messages on the wire: a 2-byte big-endian length, then the Noise message (as in NoiseSocket).</summary>
internal static class HandshakeFraming
{
    /// <summary>No honest handshake message is near this; anything larger is another protocol or an attack.</summary>
    public const int MaxMessageLength = 1024;

    public static async ValueTask WriteAsync(PipeWriter output, ReadOnlyMemory<byte> message, CancellationToken ct)
    {
        var frame = output.GetSpan(2 + message.Length);
        BinaryPrimitives.WriteUInt16BigEndian(frame, (ushort)message.Length);
        message.Span.CopyTo(frame[2..]);
        output.Advance(2 + message.Length);
        var result = await output.FlushAsync(ct).ConfigureAwait(false);
        if (result.IsCompleted)
        {
            throw new TransportException(TransportFailure.ConnectionLost, "The connection closed during the encrypted handshake.");
        }
    }

    /// <summary>Reads one framed message into <paramref name="destination"/>; returns its length.</summary>
    /// <exception cref="ProtocolException">The frame is too large or the stream ended inside the handshake.</exception>
    public static async ValueTask<int> ReadAsync(PipeReader input, Memory<byte> destination, CancellationToken ct, int maxLength = MaxMessageLength)
    {
        while (true)
        {
            var result = await input.ReadAsync(ct).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (buffer.Length >= 2)
            {
                var length = ReadLength(buffer);
                if (length > Math.Min(maxLength, destination.Length))
                {
                    input.AdvanceTo(buffer.Start);
                    throw new ProtocolException(
                        $"This is not a ShareKit encrypted handshake: the peer announced a {length}-byte message (the limit is " +
                        $"{maxLength}). Is it speaking another protocol, or a plain (unencrypted) ShareKit endpoint?");
                }

                if (buffer.Length >= 2 + length)
                {
                    buffer.Slice(2, length).CopyTo(destination.Span);
                    input.AdvanceTo(buffer.GetPosition(2 + length));
                    return length;
                }
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                input.AdvanceTo(buffer.Start, buffer.End);
                throw new ProtocolException(
                    $"The peer closed the connection in the middle of the encrypted handshake ({buffer.Length} bytes of a message received); " +
                    "it may have refused this node, or it does not speak the ShareKit encrypted protocol.");
            }

            input.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static int ReadLength(ReadOnlySequence<byte> buffer)
    {
        Span<byte> header = stackalloc byte[2];
        buffer.Slice(0, 2).CopyTo(header);
        return BinaryPrimitives.ReadUInt16BigEndian(header);
    }
}
