using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Text;
using ShareKit.Sdk;

namespace ShareKit.Host.Node;

/// <summary>Reads data records from a lane. <see cref="ReadRecordAsync"/> and <see cref="ReadContentAsync"/> alternate.</summary>
internal sealed class LaneReader
{
    private readonly PipeReader input;

    public LaneReader(PipeReader input) => this.input = input;

    /// <summary>The next record; <see cref="DataRecord.EndOfLane"/> when the sender closed the lane between records.</summary>
    /// <exception cref="ProtocolException">An unknown record, an impossible length, or a lane cut inside a record header.</exception>
    /// <param name="hash">Receives the 32 hash bytes of an ItemEnd record.</param>
    public async ValueTask<DataRecord> ReadRecordAsync(Memory<byte> hash, CancellationToken ct)
    {
        while (true)
        {
            var result = await input.ReadAsync(ct).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (buffer.Length > 0 && TryParse(buffer, hash.Span, out var record, out var consumed))
            {
                input.AdvanceTo(buffer.GetPosition(consumed));
                return record;
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                var empty = buffer.IsEmpty;
                input.AdvanceTo(buffer.End);
                return empty ? DataRecord.EndOfLane : throw new LaneCutException();
            }

            input.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>Reads exactly <paramref name="destination"/>.Length content bytes of the current chunk.</summary>
    public async ValueTask ReadContentAsync(Memory<byte> destination, CancellationToken ct)
    {
        while (!destination.IsEmpty)
        {
            var result = await input.ReadAsync(ct).ConfigureAwait(false);
            var buffer = result.Buffer;
            var take = (int)Math.Min(buffer.Length, destination.Length);
            buffer.Slice(0, take).CopyTo(destination.Span);
            destination = destination[take..];
            input.AdvanceTo(buffer.GetPosition(take));
            if (!destination.IsEmpty && (result.IsCompleted || result.IsCanceled))
            {
                throw new LaneCutException();
            }
        }
    }

    private static bool TryParse(ReadOnlySequence<byte> buffer, Span<byte> hash, out DataRecord record, out long consumed)
    {
        record = default;
        consumed = 0;
        var reader = new SequenceReader<byte>(buffer);
        reader.TryRead(out var type);
        switch ((DataRecordType)type)
        {
            case DataRecordType.ItemBegin:
                if (!reader.TryReadBigEndian(out int index) || !reader.TryReadBigEndian(out long offset))
                {
                    return false;
                }

                if (index < 0 || offset < 0)
                {
                    throw new ProtocolException("The peer began an item with a negative index or offset.");
                }

                record = new DataRecord(DataRecordType.ItemBegin, index, offset, 0, null);
                break;
            case DataRecordType.Chunk:
                if (!reader.TryReadBigEndian(out int length))
                {
                    return false;
                }

                if (length is <= 0 or > PeerProtocol.MaxChunkBytes)
                {
                    throw new ProtocolException($"The peer sent a data chunk of {(uint)length} bytes; chunks are 1 to {PeerProtocol.MaxChunkBytes} bytes.");
                }

                record = new DataRecord(DataRecordType.Chunk, 0, 0, length, null);
                break;
            case DataRecordType.ItemEnd:
                if (!reader.TryCopyTo(hash[..PeerProtocol.HashBytes]))
                {
                    return false;
                }

                reader.Advance(PeerProtocol.HashBytes);
                record = new DataRecord(DataRecordType.ItemEnd, 0, 0, 0, null);
                break;
            case DataRecordType.ItemAbort:
                if (!reader.TryReadBigEndian(out short reasonLength) || reader.Remaining < (ushort)reasonLength)
                {
                    return false;
                }

                if ((ushort)reasonLength > PeerProtocol.MaxAbortReasonBytes)
                {
                    throw new ProtocolException("The peer sent an item abort with an over-long reason.");
                }

                var reason = Encoding.UTF8.GetString(reader.UnreadSequence.Slice(0, (ushort)reasonLength));
                reader.Advance((ushort)reasonLength);
                record = new DataRecord(DataRecordType.ItemAbort, 0, 0, 0, reason);
                break;
            default:
                throw new ProtocolException($"The peer sent an unknown data record type {type}.");
        }

        consumed = reader.Consumed;
        return true;
    }
}
