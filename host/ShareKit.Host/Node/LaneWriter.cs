using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Text;

namespace ShareKit.Host.Node;

/// <summary>Writes data records (see <see cref="DataRecordType"/>) to a lane.</summary>
internal sealed class LaneWriter
{
    // Small items are batched: a flush per 4 KiB file would cost a multiplexing frame and a wake-up each.
    private const int FlushThreshold = 128 * 1024;
    private readonly PipeWriter output;

    public LaneWriter(PipeWriter output) => this.output = output;

    public void BeginItem(int index, long offset)
    {
        var span = output.GetSpan(13);
        span[0] = (byte)DataRecordType.ItemBegin;
        BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)index);
        BinaryPrimitives.WriteInt64BigEndian(span[5..], offset);
        output.Advance(13);
    }

    public ValueTask<FlushResult> WriteChunkAsync(ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        var span = output.GetSpan(5);
        span[0] = (byte)DataRecordType.Chunk;
        BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)data.Length);
        output.Advance(5);
        output.Write(data.Span);
        return output.UnflushedBytes >= FlushThreshold ? output.FlushAsync(ct) : default;
    }

    public ValueTask<FlushResult> EndItemAsync(ReadOnlySpan<byte> hash, CancellationToken ct)
    {
        var span = output.GetSpan(1 + hash.Length);
        span[0] = (byte)DataRecordType.ItemEnd;
        hash.CopyTo(span[1..]);
        output.Advance(1 + hash.Length);
        return output.UnflushedBytes >= FlushThreshold ? output.FlushAsync(ct) : default;
    }

    public ValueTask<FlushResult> AbortItemAsync(string reason, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(reason.Length > 300 ? reason[..300] : reason);
        var span = output.GetSpan(3 + bytes.Length);
        span[0] = (byte)DataRecordType.ItemAbort;
        BinaryPrimitives.WriteUInt16BigEndian(span[1..], (ushort)bytes.Length);
        bytes.CopyTo(span[3..]);
        output.Advance(3 + bytes.Length);
        return output.FlushAsync(ct);
    }

    public ValueTask<FlushResult> FlushAsync(CancellationToken ct) => output.FlushAsync(ct);
}
