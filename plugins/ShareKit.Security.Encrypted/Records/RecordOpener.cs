using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using ShareKit.Sdk;
using ShareKit.Security.Encrypted.Noise;

namespace ShareKit.Security.Encrypted.Records;

/// <summary>
/// The incoming pump: reads records from the wire, authenticates and decrypts each straight into the application's
/// buffer, and ends the application's input at the close record. Anything else — a record that fails authentication
/// (altered, replayed, reordered or dropped: the counter nonce no longer matches), an impossible length, or the
/// stream ending without a close record — ends the connection with a <see cref="ProtocolException"/>.
/// </summary>
internal sealed class RecordOpener(CipherState cipher, long rekeyAfterRecords, string peerName)
{
    private long recordsSinceRekey;

    public async Task RunAsync(PipeReader wire, PipeWriter plaintext, Action<Exception> onFailure, CancellationToken ct)
    {
        var scratch = ArrayPool<byte>.Shared.Rent(RecordFormat.MaxCiphertext);
        Exception? failure = null;
        try
        {
            while (true)
            {
                var result = await wire.ReadAsync(ct).ConfigureAwait(false);
                var buffer = result.Buffer;
                var closed = OpenRecords(ref buffer, plaintext, scratch);
                wire.AdvanceTo(buffer.Start, buffer.End);
                var flush = await plaintext.FlushAsync(ct).ConfigureAwait(false);
                if (closed || flush.IsCompleted)
                {
                    // The application stopped reading; nothing more to deliver.
                    break;
                }

                if (result.IsCompleted || result.IsCanceled)
                {
                    throw new ProtocolException(
                        $"The encrypted connection from peer '{peerName}' ended without its close record ({buffer.Length} bytes of a " +
                        "record pending): the stream was truncated — cut by the network, a crash, or someone in between. " +
                        "Data received so far must not be trusted to be complete.");
                }
            }
        }
        catch (OperationCanceledException e)
        {
            failure = e;
        }
        catch (Exception e)
        {
            failure = e;
            onFailure(e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
            await wire.CompleteAsync().ConfigureAwait(false);
            await plaintext.CompleteAsync(failure).ConfigureAwait(false);
        }
    }

    /// <summary>Opens every complete record in <paramref name="buffer"/>; returns true at the close record.</summary>
    private bool OpenRecords(ref ReadOnlySequence<byte> buffer, PipeWriter plaintext, byte[] scratch)
    {
        while (buffer.Length >= RecordFormat.HeaderLength)
        {
            var length = ReadLength(buffer);
            if (length < RecordFormat.TagLength || length > RecordFormat.MaxCiphertext)
            {
                throw new ProtocolException(
                    $"Peer '{peerName}' sent a record of {length} bytes (allowed: {RecordFormat.TagLength}..{RecordFormat.MaxCiphertext}); " +
                    "the stream was tampered with or is not ShareKit encrypted data. The connection was closed.");
            }

            if (buffer.Length < RecordFormat.HeaderLength + length)
            {
                return false;
            }

            var sealedRecord = buffer.Slice(RecordFormat.HeaderLength, length);
            ReadOnlySpan<byte> ciphertext;
            if (sealedRecord.IsSingleSegment)
            {
                ciphertext = sealedRecord.FirstSpan;
            }
            else
            {
                sealedRecord.CopyTo(scratch);
                ciphertext = scratch.AsSpan(0, (int)length);
            }

            var plainLength = (int)length - RecordFormat.TagLength;
            var target = plainLength == 0 ? scratch.AsSpan(0, 0) : plaintext.GetSpan(plainLength);
            if (!cipher.TryDecryptWithAd(default, ciphertext, target, out var written))
            {
                throw new ProtocolException(
                    $"A record from peer '{peerName}' failed authentication: the data was tampered with, replayed, reordered or " +
                    "partly dropped on the way. The connection was closed; nothing after the last good record was accepted.");
            }

            buffer = buffer.Slice(RecordFormat.HeaderLength + length);
            if (++recordsSinceRekey == rekeyAfterRecords)
            {
                cipher.Rekey();
                recordsSinceRekey = 0;
            }

            if (plainLength == 0)
            {
                return true;
            }

            plaintext.Advance(written);
        }

        return false;
    }

    private static uint ReadLength(ReadOnlySequence<byte> buffer)
    {
        Span<byte> header = stackalloc byte[RecordFormat.HeaderLength];
        buffer.Slice(0, RecordFormat.HeaderLength).CopyTo(header);
        return BinaryPrimitives.ReadUInt32BigEndian(header);
    }
}
