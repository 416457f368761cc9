using System.Buffers;
using System.IO.Pipelines;
using ShareKit.Sdk;

namespace ShareKit.Host.Node;

/// <summary>The 9 bytes that open every connection: <c>SHAREKIT</c> and a <see cref="ConnectionKind"/>.</summary>
internal static class Preamble
{
    public const int Length = 9;

    public static async ValueTask WriteAsync(PipeWriter output, ConnectionKind kind, CancellationToken ct)
    {
        var span = output.GetSpan(Length);
        PeerProtocol.Magic.CopyTo(span);
        span[8] = (byte)kind;
        output.Advance(Length);
        await output.FlushAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Reads the preamble; null if the peer closed before sending one.</summary>
    /// <exception cref="ProtocolException">The bytes are not a ShareKit preamble.</exception>
    public static async ValueTask<ConnectionKind?> ReadAsync(PipeReader input, CancellationToken ct)
    {
        while (true)
        {
            var result = await input.ReadAsync(ct).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (buffer.Length >= Length)
            {
                Span<byte> bytes = stackalloc byte[Length];
                buffer.Slice(0, Length).CopyTo(bytes);
                input.AdvanceTo(buffer.GetPosition(Length));
                if (!bytes[..8].SequenceEqual(PeerProtocol.Magic))
                {
                    throw new ProtocolException("The peer does not speak the ShareKit protocol (the connection did not start with SHAREKIT).");
                }

                var kind = (ConnectionKind)bytes[8];
                return kind is ConnectionKind.Session or ConnectionKind.Data or ConnectionKind.Library
                    ? kind
                    : throw new ProtocolException($"The peer asked for an unknown kind of connection ({bytes[8]}).");
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                input.AdvanceTo(buffer.End);
                return buffer.IsEmpty ? null : throw new ProtocolException("The peer closed the connection in the middle of the ShareKit preamble.");
            }

            input.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}
