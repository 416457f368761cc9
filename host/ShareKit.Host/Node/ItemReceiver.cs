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
        byte[][] buffers = [ArrayPool<byte>.Shared.Rent(BufferBytes), ArrayPool<byte>.Shared.Rent(BufferBytes)];
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
                await ReceiveItemAsync(record.Index, plan, buffers, hash, ct).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffers[0]);
            ArrayPool<byte>.Shared.Return(buffers[1]);
        }
    }

    private async Task ReceiveItemAsync(int index, ReceivePlan plan, byte[][] buffers, byte[] hash, CancellationToken ct)
    {
        var current = 0;
        var buffer = buffers[0];
        var disk = new BackgroundWriter();
        var item = session.Items[index];
        var expected = item.Size - plan.ResumeOffset;
        var received = 0L;
        var pending = 0;
        string? failure = null;
        var discard = false;
        IStagedWrite? staged = null;
        Stream? content = null;
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

                content = staged.Content;
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
                            // The full buffer goes to disk in the background while the other one fills.
                            hasher.Append(buffer.AsSpan(0, pending));
                            failure = await disk.StartAsync(content!, buffer.AsMemory(0, pending), ct).ConfigureAwait(false);
                            current ^= 1;
                            buffer = buffers[current];
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
                            hasher.Append(buffer.AsSpan(0, pending));
                            failure = await disk.StartAsync(content!, buffer.AsMemory(0, pending), ct).ConfigureAwait(false);
                        }

                        failure ??= await disk.FinishAsync().ConfigureAwait(false);

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
            await disk.FinishAsync().ConfigureAwait(false);
            if (staged is not null)
            {
                if (discard)
                {
                    await TryDiscardAsync(staged).ConfigureAwait(false);
                }

                try
                {
                    await staged.DisposeAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (e is StorageException or IOException)
                {
                    // Closing after a failed write (a full disk) can fail again; the item's result already says why.
                }
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
