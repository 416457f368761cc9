using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using ShareKit.Security.Encrypted.Noise;

namespace ShareKit.Security.Encrypted.Records;

/// <summary>
/// The outgoing pump: reads plaintext the application wrote, seals it into records straight into the wire's buffer,
/// and sends the close record when the application completes its output.
/// </summary>
internal sealed class RecordSealer(CipherState cipher, long rekeyAfterRecords)
{
    // Seal this much before flushing, so the wire's back-pressure reaches the application.
    private const int FlushAfterBytes = 256 * 1024;

    private long recordsSinceRekey;

    public async Task RunAsync(PipeReader plaintext, PipeWriter wire, CancellationToken ct)
    {
        var scratch = ArrayPool<byte>.Shared.Rent(RecordFormat.MaxRecord);
        Exception? failure = null;
        try
        {
            while (true)
            {
                var result = await plaintext.ReadAsync(ct).ConfigureAwait(false);
                var buffer = result.Buffer;
                var sealedBytes = 0;
                while (!buffer.IsEmpty && sealedBytes < FlushAfterBytes)
                {
                    var chunk = buffer.Slice(0, Math.Min(buffer.Length, RecordFormat.MaxPlaintext));
                    sealedBytes += Seal(chunk, wire, scratch);
                    buffer = buffer.Slice(chunk.End);
                }

                plaintext.AdvanceTo(buffer.Start);
                var ended = result.IsCompleted && buffer.IsEmpty;
                if (ended)
                {
                    Seal(ReadOnlySequence<byte>.Empty, wire, scratch);
                }

                var flush = await wire.FlushAsync(ct).ConfigureAwait(false);
                if (ended || flush.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception e)
        {
            // No close record: the peer sees the stream end early and reports it, which is the truth.
            failure = e;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
            await plaintext.CompleteAsync(failure).ConfigureAwait(false);
            await wire.CompleteAsync(failure is OperationCanceledException ? null : failure).ConfigureAwait(false);
        }
    }

    private int Seal(ReadOnlySequence<byte> chunk, PipeWriter wire, byte[] scratch)
    {
        var plainLength = (int)chunk.Length;
        var recordLength = RecordFormat.HeaderLength + plainLength + RecordFormat.TagLength;
        ReadOnlySpan<byte> plain;
        if (chunk.IsSingleSegment)
        {
            plain = chunk.FirstSpan;
        }
        else
        {
            chunk.CopyTo(scratch);
            plain = scratch.AsSpan(0, plainLength);
        }

        var target = wire.GetSpan(recordLength);
        if (target.Length >= recordLength)
        {
            SealInto(plain, target);
            wire.Advance(recordLength);
        }
        else
        {
            // A writer with small segments: seal aside, then copy.
            var sealedRecord = ArrayPool<byte>.Shared.Rent(recordLength);
            SealInto(plain, sealedRecord);
            wire.Write(sealedRecord.AsSpan(0, recordLength));
            ArrayPool<byte>.Shared.Return(sealedRecord);
        }

        if (++recordsSinceRekey == rekeyAfterRecords)
        {
            cipher.Rekey();
            recordsSinceRekey = 0;
        }

        return recordLength;
    }

    private void SealInto(ReadOnlySpan<byte> plain, Span<byte> record)
    {
        BinaryPrimitives.WriteUInt32BigEndian(record, (uint)(plain.Length + RecordFormat.TagLength));
        cipher.EncryptWithAd(default, plain, record[RecordFormat.HeaderLength..]);
    }
}
