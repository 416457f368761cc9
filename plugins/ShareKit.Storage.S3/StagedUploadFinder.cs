using System.Globalization;
using Amazon.S3.Model;
using ShareKit.Sdk;

namespace ShareKit.Storage.S3;

/// <summary>
/// Finds what an earlier writer of a key left behind: its multipart upload (by listing the uploads of exactly that
/// key and taking the newest) with the parts it completed, and the tail object that a writer leaves on dispose
/// with the bytes it had not yet sent as a part.
/// </summary>
/// <remarks>
/// The tail object names the upload and the number of parts it follows; it is used only when both still match,
/// so a stale tail never mixes into another upload. Without a tail (the writer was killed), the resumable data is
/// the run of parts 1, 2, … each at least the S3 minimum part size: a shorter part can only be the last, so
/// nothing may follow it.
/// </remarks>
internal static class StagedUploadFinder
{
    public const string UploadMetadata = "x-amz-meta-upload";
    public const string PartsMetadata = "x-amz-meta-parts";
    public const string NoUpload = "-";
    private const long MinPartSize = S3StoreOptions.MinPartSizeMiB * 1024L * 1024;

    public sealed record Found(string? UploadId, List<PartETag> Parts, long PartsLength, GetObjectResponse? Tail, bool TailExists);

    public static async Task<Found> FindAsync(S3FileStore store, StorePath path, CancellationToken ct)
    {
        var key = store.Layout.Key(path);
        var uploadId = await NewestUploadAsync(store, key, path, ct).ConfigureAwait(false);
        var parts = uploadId is null ? [] : await PartsAsync(store, key, uploadId, path, ct).ConfigureAwait(false);
        GetObjectResponse? tail = null;
        try
        {
            tail = await store.Client.GetObjectAsync(store.Bucket, store.Layout.TailKey(path), ct).ConfigureAwait(false);
        }
        catch (Exception e) when (S3Errors.IsNotFound(e))
        {
        }
        catch (Exception e) when (store.Errors.Map(e, "resume", path, ct) is { } mapped)
        {
            throw mapped;
        }

        if (tail is not null && MatchingPartCount(tail, uploadId, parts) is { } count)
        {
            parts.RemoveRange(count, parts.Count - count);
            return new Found(uploadId, Etags(parts), Sum(parts), tail, TailExists: true);
        }

        tail?.Dispose();
        var usable = 0;
        while (usable < parts.Count && parts[usable].PartNumber == usable + 1 && parts[usable].Size >= MinPartSize)
        {
            usable++;
        }

        parts.RemoveRange(usable, parts.Count - usable);
        return new Found(uploadId, Etags(parts), Sum(parts), null, TailExists: tail is not null);
    }

    private static int? MatchingPartCount(GetObjectResponse tail, string? uploadId, List<PartDetail> parts)
    {
        if (tail.Metadata[UploadMetadata] != (uploadId ?? NoUpload)
            || !int.TryParse(tail.Metadata[PartsMetadata], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count > parts.Count)
        {
            return null;
        }

        for (var i = 0; i < count; i++)
        {
            if (parts[i].PartNumber != i + 1)
            {
                return null;
            }
        }

        return count;
    }

    private static async Task<string?> NewestUploadAsync(S3FileStore store, string key, StorePath path, CancellationToken ct)
    {
        var request = new ListMultipartUploadsRequest { BucketName = store.Bucket, Prefix = key };
        MultipartUpload? newest = null;
        for (var page = 0; page < 100; page++)
        {
            var response = await store.CallAsync(c => store.Client.ListMultipartUploadsAsync(request, c), "resume", path, ct).ConfigureAwait(false);
            foreach (var upload in response.MultipartUploads ?? [])
            {
                if (upload.Key == key && (newest is null || upload.Initiated > newest.Initiated))
                {
                    newest = upload;
                }
            }

            if (response.IsTruncated != true)
            {
                break;
            }

            request.KeyMarker = response.NextKeyMarker;
            request.UploadIdMarker = response.NextUploadIdMarker;
        }

        return newest?.UploadId;
    }

    private static async Task<List<PartDetail>> PartsAsync(S3FileStore store, string key, string uploadId, StorePath path, CancellationToken ct)
    {
        var parts = new List<PartDetail>();
        var request = new ListPartsRequest { BucketName = store.Bucket, Key = key, UploadId = uploadId };
        for (var page = 0; page < 100; page++)
        {
            var response = await store.CallAsync(c => store.Client.ListPartsAsync(request, c), "resume", path, ct).ConfigureAwait(false);
            parts.AddRange(response.Parts ?? []);
            if (response.IsTruncated != true)
            {
                break;
            }

            request.PartNumberMarker = response.NextPartNumberMarker?.ToString(CultureInfo.InvariantCulture);
        }

        parts.Sort((a, b) => (a.PartNumber ?? 0).CompareTo(b.PartNumber ?? 0));
        return parts;
    }

    private static List<PartETag> Etags(List<PartDetail> parts) => parts.ConvertAll(p => new PartETag(p.PartNumber ?? 0, p.ETag));

    private static long Sum(List<PartDetail> parts)
    {
        long sum = 0;
        foreach (var part in parts)
        {
            sum += part.Size ?? 0;
        }

        return sum;
    }
}
