using System.IO.Pipelines;

namespace ShareKit.Conformance.Transport;

/// <summary>
/// A deterministic byte stream for bulk checks: byte <c>i</c> is <c>block[i % Period]</c>, with a prime period
/// so that chunks moved, dropped or repeated change the received checksum.
/// </summary>
internal static class TestPattern
{
    private const int Period = 1_048_573;
    private const int ChunkSize = 64 * 1024;
    private static readonly byte[] Block = MakeBlock();

    /// <summary>Writes <paramref name="count"/> pattern bytes starting at pattern position <paramref name="start"/>, then completes the writer.</summary>
    /// <returns>The checksum of what was written.</returns>
    public static async Task<RollingChecksum> SendAsync(PipeWriter writer, long count, long start, CancellationToken ct)
    {
        var sum = new RollingChecksum();
        var sent = 0L;
        while (sent < count)
        {
            var length = (int)Math.Min(ChunkSize, count - sent);
            var chunk = Slice(start + sent, length);
            chunk.CopyTo(writer.GetSpan(length));
            sum.Append(chunk);
            writer.Advance(length);
            sent += length;
            var flushed = await writer.FlushAsync(ct);
            if (flushed.IsCompleted && sent < count)
            {
                throw new InvalidOperationException($"The peer stopped reading after {sent} of {count} bytes.");
            }
        }

        await writer.CompleteAsync();
        return sum;
    }

    /// <summary>Reads until end of stream, checksumming everything, then completes the reader.</summary>
    public static async Task<RollingChecksum> ReceiveAsync(PipeReader reader, CancellationToken ct)
    {
        var sum = new RollingChecksum();
        while (true)
        {
            var result = await reader.ReadAsync(ct);
            foreach (var segment in result.Buffer)
            {
                sum.Append(segment.Span);
            }

            reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                break;
            }
        }

        await reader.CompleteAsync();
        return sum;
    }

    /// <summary>The pattern bytes at <paramref name="position"/> (at most one chunk long).</summary>
    public static ReadOnlySpan<byte> Slice(long position, int length) =>
        Block.AsSpan((int)(position % Period), length);

    private static byte[] MakeBlock()
    {
        var block = new byte[Period + ChunkSize];
        new Random(20261125).NextBytes(block.AsSpan(0, Period));
        block.AsSpan(0, ChunkSize).CopyTo(block.AsSpan(Period));
        return block;
    }
}
