using System.Buffers;
using System.Security.Cryptography;
using ShareKit.Host.Node.Messages;
using ShareKit.Sdk;

namespace ShareKit.Host.Node;

/// <summary>Reads items from one lane into staged writes, verifies each hash, and commits only verified content.</summary>
internal sealed class ItemReceiver
{
    private const int BufferBytes = PeerProtocol.MaxChunkBytes;
    private readonly ReceiveSession session;
    private readonly LaneReader reader;

    public ItemReceiver(ReceiveSession session, LaneReader reader)
    {
        this.session = session;
        this.reader = reader;
    }

    /// <summary>Receives items until the sender closes the lane.</summary>
    /// <exception cref="ProtocolException">The lane broke the protocol.</exception>
    /// <exception cref="LaneCutException">The lane ended inside an item (staged data is kept).</exception>
    public async Task RunAsync(CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        var hash = new byte[PeerProtocol.HashBytes];
        try
        {
            while (true)
            {
                var record = await reader.ReadRecordAsync(hash, ct).ConfigureAwait(false);
                if (record.IsEndOfLane)
                {
                    return;
                }

                if (record.Type != DataRecordType.ItemBegin)
                {
                    throw new PeerProtocolException(ErrorCodes.Protocol, "The sender sent item data before beginning an item.");
                }

                var plan = session.StartItem(record.Index, record.Offset);
                await ReceiveItemAsync(record.Index, plan, buffer, hash, ct).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task ReceiveItemAsync(int index, ReceivePlan plan, byte[] buffer, byte[] hash, CancellationToken ct)
    {
        var item = session.Items[index];
        var expected = item.Size - plan.ResumeOffset;
        var received = 0L;
        var pending = 0;
        string? failure = null;
        var discard = false;
        IStagedWrite? staged = null;
        using var hasher = new ContentHasher();
        try
        {
            try
            {
                staged = await session.Store.BeginWriteAsync(plan.Target!.Value, WriteMode.CreateNew, ct).ConfigureAwait(false);
                if (staged.ResumeOffset != 0 && plan.ResumeOffset == 0)
                {
                    // A stale part the decision did not offer to resume (a small file, or one that changed): start over.
                    await staged.DiscardAsync(ct).ConfigureAwait(false);
                    await staged.DisposeAsync().ConfigureAwait(false);
                    staged = null;
                    staged = await session.Store.BeginWriteAsync(plan.Target!.Value, WriteMode.CreateNew, ct).ConfigureAwait(false);
                }

                if (staged.ResumeOffset != plan.ResumeOffset)
                {
                    failure = "the part staged earlier changed since the offer was accepted; offer it again";
                }
                else if (plan.ResumeOffset > 0)
                {
                    await HashStagedPrefixAsync(staged, plan.ResumeOffset, hasher, buffer, ct).ConfigureAwait(false);
                }
            }
            catch (StorageException e)
            {
                failure = e.Message;
            }

            while (true)
            {
                var record = await reader.ReadRecordAsync(hash, ct).ConfigureAwait(false);
                switch (record.Type)
                {
                    case DataRecordType.Chunk:
                        if (failure is null && received + record.ChunkLength > expected)
                        {
                            failure = $"the sender sent more than the {item.Size} bytes it offered; nothing was kept";
                            discard = true;
                        }

                        if (failure is not null)
                        {
                            await reader.ReadContentAsync(buffer.AsMemory(0, record.ChunkLength), ct).ConfigureAwait(false);
                            break;
                        }

                        if (pending + record.ChunkLength > BufferBytes)
                        {
                            failure = await WriteAsync(staged!, hasher, buffer, pending, ct).ConfigureAwait(false);
                            pending = 0;
                        }

                        await reader.ReadContentAsync(buffer.AsMemory(pending, record.ChunkLength), ct).ConfigureAwait(false);
                        pending += failure is null ? record.ChunkLength : 0;
                        received += record.ChunkLength;
                        session.AddBytes(index, plan.ResumeOffset + received, record.ChunkLength);
                        break;
                    case DataRecordType.ItemEnd:
                        if (failure is null && pending > 0)
                        {
                            failure = await WriteAsync(staged!, hasher, buffer, pending, ct).ConfigureAwait(false);
                        }

                        if (failure is null)
                        {
                            (failure, discard) = await VerifyAndCommitAsync(staged!, hasher, item, received, expected, hash, ct).ConfigureAwait(false);
                        }

                        session.FinishItem(index, failure);
                        return;
                    case DataRecordType.ItemAbort:
                        session.FinishItem(index, failure ?? $"the sender could not finish it: {record.Reason}");
                        return;
                    case DataRecordType.ItemBegin:
                        throw new PeerProtocolException(ErrorCodes.Protocol, $"The sender began another item before ending '{item.Path}'.");
                    default:
                        throw new LaneCutException();
                }
            }
        }
        catch (Exception e) when (e is LaneCutException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            session.FinishItem(index, "the connection ended before it was complete; the part received is kept and resumes on the next offer", reportToSender: false);
            throw;
        }
        finally
        {
            if (staged is not null)
            {
                if (discard)
                {
                    await TryDiscardAsync(staged).ConfigureAwait(false);
                }

                await staged.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async ValueTask<(string? Failure, bool Discard)> VerifyAndCommitAsync(
        IStagedWrite staged, ContentHasher hasher, OfferedItem item, long received, long expected, byte[] hash, CancellationToken ct)
    {
        if (received != expected)
        {
            return ($"the sender sent {expected - received} bytes fewer than the {item.Size} it offered; nothing was kept", true);
        }

        Span<byte> computed = stackalloc byte[PeerProtocol.HashBytes];
        hasher.Finish(computed);
        if (!CryptographicOperations.FixedTimeEquals(computed, hash))
        {
            return ("its content hash does not match: the data was damaged on the way; nothing was kept", true);
        }

        try
        {
            staged.LastModified = item.Mtime;
            await staged.Content.FlushAsync(ct).ConfigureAwait(false);
            await staged.CommitAsync(ct).ConfigureAwait(false);
            return (null, false);
        }
        catch (StoreConflictException e)
        {
            return ($"it was not stored: {e.Message} (nothing was overwritten)", true);
        }
        catch (StorageFullException e)
        {
            return ($"the receiving share is full: {e.Message}", false);
        }
        catch (StorageException e)
        {
            return ($"it was not stored: {e.Message}", false);
        }
    }

    private static async ValueTask<string?> WriteAsync(IStagedWrite staged, ContentHasher hasher, byte[] buffer, int count, CancellationToken ct)
    {
        hasher.Append(buffer.AsSpan(0, count));
        try
        {
            await staged.Content.WriteAsync(buffer.AsMemory(0, count), ct).ConfigureAwait(false);
            return null;
        }
        catch (StorageFullException e)
        {
            return $"the receiving share is full: {e.Message}";
        }
        catch (IOException e) when (e.HResult == 28 || e.HResult == unchecked((int)0x80070070))
        {
            return $"the receiving share is full: {e.Message}";
        }
        catch (Exception e) when (e is StorageException or IOException)
        {
            return $"it could not be written: {e.Message}";
        }
    }

    private static async ValueTask HashStagedPrefixAsync(IStagedWrite staged, long length, ContentHasher hasher, byte[] buffer, CancellationToken ct)
    {
        var content = staged.Content;
        content.Seek(0, SeekOrigin.Begin);
        var left = length;
        while (left > 0)
        {
            var read = await content.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), ct).ConfigureAwait(false);
            if (read == 0)
            {
                throw new StorageException("The staged part is shorter than the store reported.");
            }

            hasher.Append(buffer.AsSpan(0, read));
            left -= read;
        }

        content.Seek(length, SeekOrigin.Begin);
    }

    private static async ValueTask TryDiscardAsync(IStagedWrite staged)
    {
        try
        {
            await staged.DiscardAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (StorageException)
        {
        }
    }
}
