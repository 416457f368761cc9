using System.Buffers;
using System.Globalization;
using Amazon.S3.Model;
using ShareKit.Sdk;

namespace ShareKit.Storage.S3;

/// <summary>
/// A staged write of the S3 store: a multipart upload that becomes visible only at CompleteMultipartUpload.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>The writer fills one part in a pooled buffer; each full buffer is sent as the next part (the upload is
/// created with the first) while the writer fills a fresh buffer. Up to <see cref="S3StoreOptions.PartsInFlight"/>
/// parts are on their way at once (the object store works on several while the sender delivers the next), so a
/// writer holds at most that many parts plus one. A failed part is sent again by the next write or the commit.
/// A file smaller than one part is published with one PutObject at commit.</item>
/// <item>Disposing without commit keeps the upload and stores the unsent bytes as a small tail object under
/// <c>.sharekit-staging/</c>; the next writer of the key (in any process on any host) finds both again
/// (<see cref="StagedUploadFinder"/>) and resumes at their length. <see cref="DiscardAsync"/> aborts the upload and
/// deletes the tail. A writer killed outright leaves only its uploaded parts; a bucket lifecycle rule
/// (AbortIncompleteMultipartUpload) cleans up what nobody resumes.</item>
/// <item>One writer per key in this process (<see cref="WriterRegistry"/>); a second gets
/// <see cref="StoreConflictException"/>. Across hosts nothing is locked: two hosts writing one key concurrently each
/// publish a whole file (the last commit wins), and a host that resumes another's live upload fails its commit on
/// the part ETags rather than publish a mix.</item>
/// <item><see cref="WriteMode.CreateNew"/> checks with a HEAD just before publishing and sends
/// <c>If-None-Match: *</c>, which AWS and recent MinIO enforce; a store that ignores the header leaves a window of
/// one round trip between the HEAD and the publish in which another host's file can be replaced.</item>
/// <item>The modification time goes into <c>x-amz-meta-mtime</c> when the upload is created; when it is set (or
/// changed) later, the commit rewrites the metadata with a server-side copy of the object onto itself.</item>
/// </list>
/// </remarks>
internal sealed class S3StagedWrite : IStagedWrite
{
    private readonly S3FileStore store;
    private readonly WriteMode mode;
    private readonly string key;
    private readonly string writerId;
    private readonly List<PartETag> parts;
    private readonly S3WriteStream content;
    private readonly int partCapacity;
    private byte[] buffer;
    private int buffered;
    private bool bufferPooled = true;
    private byte[]? spare;
    private readonly Queue<PendingPart> inFlight = new();
    private long uploaded;
    private string? uploadId;
    private bool uploadMetadataKnown;
    private DateTimeOffset? uploadModified;
    private bool tailExists;
    private bool finished;

    private S3StagedWrite(S3FileStore store, StorePath path, WriteMode mode, string writerId, StagedUploadFinder.Found found, byte[] buffer, int partCapacity)
    {
        this.partCapacity = partCapacity;
        this.store = store;
        this.mode = mode;
        this.writerId = writerId;
        this.buffer = buffer;
        key = store.Layout.Key(path);
        Path = path;
        uploadId = found.UploadId;
        uploadMetadataKnown = found.UploadId is null;
        parts = found.Parts;
        uploaded = found.PartsLength;
        tailExists = found.TailExists;
        content = new S3WriteStream(this);
    }

    /// <inheritdoc />
    public StorePath Path { get; }

    /// <inheritdoc />
    public Stream Content => finished ? throw Finished() : content;

    /// <inheritdoc />
    public long ResumeOffset { get; private init; }

    /// <inheritdoc />
    public DateTimeOffset? LastModified { get; set; }

    /// <summary>Opens (or resumes) the staged write of <paramref name="path"/>; the caller checked the path.</summary>
    public static async Task<S3StagedWrite> BeginAsync(S3FileStore store, StorePath path, WriteMode mode, CancellationToken ct)
    {
        var writerId = store.WriterIdPrefix + store.Layout.Key(path);
        if (!WriterRegistry.TryAcquire(writerId))
        {
            throw new StoreConflictException(path, $"{path.ToDisplayString()} is being written by another transfer in the share '{store.ShareName}'; try again when it has finished.");
        }

        byte[]? buffer = null;
        StagedUploadFinder.Found? found = null;
        try
        {
            found = await StagedUploadFinder.FindAsync(store, path, ct).ConfigureAwait(false);
            var tailLength = found.Tail is null ? 0 : (int)Math.Min(found.Tail.ContentLength, S3StoreOptions.MaxPartSizeMiB * 1024L * 1024);
            // The pool may hand out a larger array; parts are exactly the configured size (or the resumed tail's, if larger).
            var partCapacity = Math.Max(store.Options.PartSize, tailLength);
            buffer = ArrayPool<byte>.Shared.Rent(partCapacity);
            if (found.Tail is not null)
            {
                await found.Tail.ResponseStream.ReadExactlyAsync(buffer.AsMemory(0, tailLength), ct).ConfigureAwait(false);
            }

            var write = new S3StagedWrite(store, path, mode, writerId, found, buffer, partCapacity)
            {
                ResumeOffset = found.PartsLength + tailLength,
            };
            write.buffered = tailLength;
            if (write.ResumeOffset > 0)
            {
                Log.Resumed(store.Logger, store.ShareName, path, write.ResumeOffset, found.UploadId ?? StagedUploadFinder.NoUpload);
            }

            return write;
        }
        catch (Exception e)
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            WriterRegistry.Release(writerId);
            if (store.Errors.Map(e, "resume", path, ct) is { } mapped && mapped != e)
            {
                throw mapped;
            }

            throw;
        }
        finally
        {
            found?.Tail?.Dispose();
        }
    }

    /// <summary>Takes bytes of the content, sending a part whenever the buffer fills.</summary>
    internal async ValueTask AppendAsync(ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(finished, this);
        while (!data.IsEmpty)
        {
            var room = partCapacity - buffered;
            if (room == 0)
            {
                await SendBufferAsPartAsync(ct).ConfigureAwait(false);
                room = partCapacity;
            }

            var take = Math.Min(room, data.Length);
            data.Span[..take].CopyTo(buffer.AsSpan(buffered));
            buffered += take;
            data = data[take..];
        }

        if (buffered == partCapacity)
        {
            await SendBufferAsPartAsync(ct).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask CommitAsync(CancellationToken ct)
    {
        if (finished)
        {
            throw Finished();
        }

        await FinishSendingAsync(ct).ConfigureAwait(false);
        await CheckTargetAsync(ct).ConfigureAwait(false);
        try
        {
            if (uploadId is null)
            {
                await PutWholeAsync(ct).ConfigureAwait(false);
            }
            else
            {
                await CompleteUploadAsync(ct).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (S3Errors.IsPreconditionFailed(e))
        {
            throw store.Errors.Exists(Path);
        }
        catch (Exception e) when (store.Errors.Map(e, "write", Path, ct) is { } mapped)
        {
            throw mapped;
        }

        if (tailExists)
        {
            await DeleteTailQuietlyAsync().ConfigureAwait(false);
        }

        Finish();
    }

    /// <inheritdoc />
    public async ValueTask DiscardAsync(CancellationToken ct)
    {
        if (finished)
        {
            return;
        }

        await SettleSendingAsync().ConfigureAwait(false);
        try
        {
            if (uploadId is not null)
            {
                try
                {
                    await store.Client.AbortMultipartUploadAsync(store.Bucket, key, uploadId, ct).ConfigureAwait(false);
                }
                catch (Exception e) when (S3Errors.IsNotFound(e))
                {
                    // Already aborted or completed elsewhere.
                }
            }

            if (tailExists)
            {
                await store.DeleteKeyAsync(store.Layout.TailKey(Path), Path, ct).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (store.Errors.Map(e, "discard", Path, ct) is { } mapped)
        {
            throw mapped;
        }
        finally
        {
            Finish();
        }
    }

    /// <summary>Ends the write without publishing; the upload and the unsent tail stay for a later writer to resume.</summary>
    public async ValueTask DisposeAsync()
    {
        if (finished)
        {
            return;
        }

        await SettleSendingAsync().ConfigureAwait(false);
        try
        {
            if (inFlight.Count > 0)
            {
                // Parts whose send failed (and any after them) lead the tail; a tail may be longer than a part.
                var length = buffered;
                foreach (var pending in inFlight)
                {
                    length += pending.Length;
                }

                var joined = new byte[length];
                var at = 0;
                while (inFlight.TryDequeue(out var pending))
                {
                    pending.Buffer.AsSpan(0, pending.Length).CopyTo(joined.AsSpan(at));
                    at += pending.Length;
                    ArrayPool<byte>.Shared.Return(pending.Buffer);
                }

                buffer.AsSpan(0, buffered).CopyTo(joined.AsSpan(at));
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = joined;
                bufferPooled = false;
                buffered = joined.Length;
            }

            if (buffered > 0)
            {
                var tail = new PutObjectRequest
                {
                    BucketName = store.Bucket,
                    Key = store.Layout.TailKey(Path),
                    InputStream = new MemoryStream(buffer, 0, buffered, writable: false),
                };
                tail.Metadata[StagedUploadFinder.UploadMetadata] = uploadId ?? StagedUploadFinder.NoUpload;
                tail.Metadata[StagedUploadFinder.PartsMetadata] = parts.Count.ToString(CultureInfo.InvariantCulture);
                await store.CallAsync(c => store.Client.PutObjectAsync(tail, c), "keep the staged data of", Path, CancellationToken.None).ConfigureAwait(false);
            }
            else if (tailExists)
            {
                await store.DeleteKeyAsync(store.Layout.TailKey(Path), Path, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (StorageException e)
        {
            Log.TailLost(store.Logger, store.ShareName, Path, e.Message);
        }
        finally
        {
            Finish();
        }
    }

    /// <summary>
    /// Starts sending the full buffer as the next part and carries on in a fresh buffer; with
    /// <see cref="S3StoreOptions.PartsInFlight"/> parts already on their way, waits for the oldest first.
    /// </summary>
    private async Task SendBufferAsPartAsync(CancellationToken ct)
    {
        while (inFlight.Count >= store.Options.PartsInFlight)
        {
            await FinishOldestAsync(ct).ConfigureAwait(false);
        }

        if (uploadId is null)
        {
            var initiate = new InitiateMultipartUploadRequest { BucketName = store.Bucket, Key = key };
            ModificationTime.Set(initiate.Metadata, LastModified);
            var created = await store.CallAsync(c => store.Client.InitiateMultipartUploadAsync(initiate, c), "write", Path, ct).ConfigureAwait(false);
            uploadId = created.UploadId;
            uploadMetadataKnown = true;
            uploadModified = LastModified;
        }

        var number = parts.Count + inFlight.Count + 1;
        inFlight.Enqueue(new PendingPart(number, buffer, buffered) { Send = UploadPartAsync(number, buffer, buffered, ct) });
        buffer = spare ?? ArrayPool<byte>.Shared.Rent(partCapacity);
        spare = null;
        buffered = 0;
    }

    /// <summary>Waits for every part in flight, in order.</summary>
    private async Task FinishSendingAsync(CancellationToken ct)
    {
        while (inFlight.Count > 0)
        {
            await FinishOldestAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Waits for the oldest part in flight and records it; a part whose send failed is sent again here.</summary>
    private async Task FinishOldestAsync(CancellationToken ct)
    {
        var oldest = inFlight.Peek();
        string etag;
        try
        {
            etag = oldest.Send is not null
                ? await oldest.Send.ConfigureAwait(false)
                : await UploadPartAsync(oldest.Number, oldest.Buffer, oldest.Length, ct).ConfigureAwait(false);
        }
        catch
        {
            oldest.Send = null;
            throw;
        }

        inFlight.Dequeue();
        parts.Add(new PartETag(oldest.Number, etag));
        uploaded += oldest.Length;
        if (spare is null)
        {
            spare = oldest.Buffer;
        }
        else
        {
            ArrayPool<byte>.Shared.Return(oldest.Buffer);
        }
    }

    /// <summary>
    /// Lets every part in flight end (none may read a buffer returned to the pool) and records the leading ones that
    /// arrived; the rest stay queued, and their failures are left for later.
    /// </summary>
    private async Task SettleSendingAsync()
    {
        foreach (var pending in inFlight)
        {
            try
            {
                if (pending.Send is not null)
                {
                    await pending.Send.ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is StorageException or OperationCanceledException)
            {
                pending.Send = null;
            }
        }

        while (inFlight.TryPeek(out var oldest) && oldest.Send is not null)
        {
            await FinishOldestAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<string> UploadPartAsync(int number, byte[] data, int length, CancellationToken ct)
    {
        var request = new UploadPartRequest
        {
            BucketName = store.Bucket,
            Key = key,
            UploadId = uploadId,
            PartNumber = number,
            PartSize = length,
            InputStream = new MemoryStream(data, 0, length, writable: false),
        };
        var response = await store.CallAsync(c => store.Client.UploadPartAsync(request, c), "write", Path, ct).ConfigureAwait(false);
        return response.ETag;
    }

    private async Task PutWholeAsync(CancellationToken ct)
    {
        var put = new PutObjectRequest
        {
            BucketName = store.Bucket,
            Key = key,
            InputStream = new MemoryStream(buffer, 0, buffered, writable: false),
            IfNoneMatch = mode == WriteMode.CreateNew ? "*" : null,
        };
        ModificationTime.Set(put.Metadata, LastModified);
        await store.Client.PutObjectAsync(put, ct).ConfigureAwait(false);
    }

    private async Task CompleteUploadAsync(CancellationToken ct)
    {
        var all = new List<PartETag>(parts);
        var length = uploaded;
        if (buffered > 0)
        {
            // Kept out of `parts` until the commit succeeds: a refused commit leaves the write as it was.
            all.Add(new PartETag(parts.Count + 1, await UploadPartAsync(parts.Count + 1, buffer, buffered, ct).ConfigureAwait(false)));
            length += buffered;
        }

        var complete = new CompleteMultipartUploadRequest
        {
            BucketName = store.Bucket,
            Key = key,
            UploadId = uploadId,
            PartETags = all,
            IfNoneMatch = mode == WriteMode.CreateNew ? "*" : null,
        };
        await store.Client.CompleteMultipartUploadAsync(complete, ct).ConfigureAwait(false);
        if (LastModified is { } modified && (!uploadMetadataKnown || uploadModified != modified))
        {
            await new S3Copier(store).CopyAsync(key, key, length, Path, modified, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Refuses a commit onto a folder, under a file, or (CreateNew) onto an existing file.</summary>
    private async Task CheckTargetAsync(CancellationToken ct)
    {
        var folder = store.FirstBelowAsync(Path, ct);
        var parent = Path.Parent.IsRoot ? Task.FromResult<GetObjectMetadataResponse?>(null) : store.HeadAsync(Path.Parent, ct);
        var existing = mode == WriteMode.CreateNew ? store.HeadAsync(Path, ct) : Task.FromResult<GetObjectMetadataResponse?>(null);
        await Task.WhenAll(folder, parent, existing).ConfigureAwait(false);
        if (await folder.ConfigureAwait(false) is not null)
        {
            throw new StoreConflictException(Path, $"{Path.ToDisplayString()} is a folder in the share '{store.ShareName}'; a file cannot replace it.");
        }

        if (await parent.ConfigureAwait(false) is not null)
        {
            throw new StoreConflictException(Path, $"{Path.Parent.ToDisplayString()} is a file, so {Path.ToDisplayString()} cannot be written in the share '{store.ShareName}'.");
        }

        if (await existing.ConfigureAwait(false) is not null)
        {
            throw store.Errors.Exists(Path);
        }
    }

    private async Task DeleteTailQuietlyAsync()
    {
        try
        {
            await store.DeleteKeyAsync(store.Layout.TailKey(Path), Path, CancellationToken.None).ConfigureAwait(false);
        }
        catch (StorageException e)
        {
            // The file is published; a stale tail is ignored by the next writer (its upload no longer exists).
            Log.TailLost(store.Logger, store.ShareName, Path, e.Message);
        }
    }

    private void Finish()
    {
        if (finished)
        {
            return;
        }

        finished = true;
        if (bufferPooled)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (spare is not null)
        {
            ArrayPool<byte>.Shared.Return(spare);
        }

        while (inFlight.TryDequeue(out var pending))
        {
            ArrayPool<byte>.Shared.Return(pending.Buffer);
        }

        buffer = [];
        spare = null;
        buffered = 0;
        WriterRegistry.Release(writerId);
    }

    /// <summary>A part on its way to the store; <see cref="Send"/> is null after a failed send, until it is sent again.</summary>
    private sealed record PendingPart(int Number, byte[] Buffer, int Length)
    {
        public Task<string>? Send { get; set; }
    }

    private ObjectDisposedException Finished() =>
        new(nameof(IStagedWrite), $"The write of {Path.ToDisplayString()} has already been committed, discarded or ended.");
}
