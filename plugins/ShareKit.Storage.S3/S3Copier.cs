using Amazon.S3;
using Amazon.S3.Model;
using ShareKit.Sdk;

namespace ShareKit.Storage.S3;

/// <summary>
/// Server-side copies: one CopyObject up to <see cref="S3StoreOptions.MultipartCopyThreshold"/>, a multipart
/// copy (UploadPartCopy ranges) above it, since S3 copies at most 5 GiB per request. No data passes through ShareKit.
/// </summary>
internal sealed class S3Copier(S3FileStore store)
{
    private const long MaxCopyPart = 512L * 1024 * 1024;
    private const int MaxParts = 10_000;
    private const int DeleteBatch = 1000;

    /// <summary>Copies <paramref name="sourceKey"/> to <paramref name="targetKey"/>; a non-null <paramref name="modified"/> replaces the mtime metadata.</summary>
    public async Task CopyAsync(string sourceKey, string targetKey, long length, StorePath path, DateTimeOffset? modified, CancellationToken ct)
    {
        if (length <= store.Options.MultipartCopyThreshold)
        {
            var request = new CopyObjectRequest
            {
                SourceBucket = store.Bucket,
                SourceKey = sourceKey,
                DestinationBucket = store.Bucket,
                DestinationKey = targetKey,
                MetadataDirective = modified is null ? S3MetadataDirective.COPY : S3MetadataDirective.REPLACE,
            };
            ModificationTime.Set(request.Metadata, modified);
            await store.CallAsync(c => store.Client.CopyObjectAsync(request, c), "move", path, ct).ConfigureAwait(false);
            return;
        }

        await MultipartCopyAsync(sourceKey, targetKey, length, path, modified, ct).ConfigureAwait(false);
    }

    /// <summary>Moves every key below the folder <paramref name="from"/> to <paramref name="to"/>: all copies first, then the deletes.</summary>
    public async Task MoveFolderAsync(StorePath from, StorePath to, CancellationToken ct)
    {
        var fromPrefix = store.Layout.FolderPrefix(from);
        var toPrefix = store.Layout.FolderPrefix(to);
        var moved = new List<string>();
        var request = new ListObjectsV2Request { BucketName = store.Bucket, Prefix = fromPrefix, MaxKeys = store.Options.ListPageSize };
        while (true)
        {
            var page = await store.CallAsync(c => store.Client.ListObjectsV2Async(request, c), "move", from, ct).ConfigureAwait(false);
            foreach (var item in page.S3Objects ?? [])
            {
                await CopyAsync(item.Key, toPrefix + item.Key[fromPrefix.Length..], item.Size ?? 0, from, null, ct).ConfigureAwait(false);
                moved.Add(item.Key);
            }

            if (page.IsTruncated != true || string.IsNullOrEmpty(page.NextContinuationToken))
            {
                break;
            }

            request.ContinuationToken = page.NextContinuationToken;
        }

        for (var i = 0; i < moved.Count; i += DeleteBatch)
        {
            var delete = new DeleteObjectsRequest { BucketName = store.Bucket, Objects = [] };
            foreach (var key in moved.Skip(i).Take(DeleteBatch))
            {
                delete.Objects.Add(new KeyVersion { Key = key });
            }

            var result = await store.CallAsync(c => store.Client.DeleteObjectsAsync(delete, c), "move", from, ct).ConfigureAwait(false);
            if (result.DeleteErrors is [var error, ..])
            {
                throw new StorageException($"Moving {from.ToDisplayString()} in the share '{store.ShareName}' copied everything to {to.ToDisplayString()} but could not delete '{error.Key}' ({error.Code}: {error.Message}); delete what is left of {from.ToDisplayString()} by hand.");
            }
        }
    }

    private async Task MultipartCopyAsync(string sourceKey, string targetKey, long length, StorePath path, DateTimeOffset? modified, CancellationToken ct)
    {
        var head = await store.CallAsync(c => store.Client.GetObjectMetadataAsync(store.Bucket, sourceKey, c), "move", path, ct).ConfigureAwait(false);
        var initiate = new InitiateMultipartUploadRequest { BucketName = store.Bucket, Key = targetKey };
        foreach (var name in head.Metadata.Keys)
        {
            initiate.Metadata[name] = head.Metadata[name];
        }

        ModificationTime.Set(initiate.Metadata, modified);
        var upload = await store.CallAsync(c => store.Client.InitiateMultipartUploadAsync(initiate, c), "move", path, ct).ConfigureAwait(false);
        var partSize = Math.Max(Math.Min(MaxCopyPart, store.Options.MultipartCopyThreshold), (length + MaxParts - 1) / MaxParts);
        try
        {
            var parts = new List<PartETag>();
            for (long start = 0, number = 1; start < length; start += partSize, number++)
            {
                var copy = new CopyPartRequest
                {
                    SourceBucket = store.Bucket,
                    SourceKey = sourceKey,
                    DestinationBucket = store.Bucket,
                    DestinationKey = targetKey,
                    UploadId = upload.UploadId,
                    PartNumber = (int)number,
                    FirstByte = start,
                    LastByte = Math.Min(length, start + partSize) - 1,
                    ETagToMatch = [head.ETag],
                };
                var part = await store.CallAsync(c => store.Client.CopyPartAsync(copy, c), "move", path, ct).ConfigureAwait(false);
                parts.Add(new PartETag((int)number, part.ETag));
            }

            var complete = new CompleteMultipartUploadRequest { BucketName = store.Bucket, Key = targetKey, UploadId = upload.UploadId, PartETags = parts };
            await store.CallAsync(c => store.Client.CompleteMultipartUploadAsync(complete, c), "move", path, ct).ConfigureAwait(false);
        }
        catch
        {
            await AbortQuietlyAsync(targetKey, upload.UploadId).ConfigureAwait(false);
            throw;
        }
    }

    private async Task AbortQuietlyAsync(string key, string uploadId)
    {
        try
        {
            await store.Client.AbortMultipartUploadAsync(store.Bucket, key, uploadId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (AmazonS3Exception)
        {
        }
        catch (HttpRequestException)
        {
        }
    }
}
