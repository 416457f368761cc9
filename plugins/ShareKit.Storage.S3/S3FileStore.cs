using System.Runtime.CompilerServices;
using System.Text;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;
using ShareKit.Sdk;

namespace ShareKit.Storage.S3;

/// <summary>
/// A share kept in an S3 bucket (AWS, Ceph RGW, MinIO, Garage, …) under an optional key prefix.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Folders are key prefixes. A folder exists while any key lies below it, or while its empty marker object
/// (<c>folder/</c>, made by <see cref="CreateDirectoryAsync"/>) exists; a folder that only held a deleted file
/// disappears with it.</item>
/// <item><see cref="StatAsync"/> is a HEAD (plus a one-key listing for folders) and reports the modification time
/// kept in <c>x-amz-meta-mtime</c>; <see cref="ListAsync"/> cannot see metadata, so it reports each object's upload
/// time instead.</item>
/// <item>Reads are ranged GETs streamed from the store; a reader keeps the version it opened even if the key is
/// replaced meanwhile. Writes are multipart uploads published by one CompleteMultipartUpload (see
/// <see cref="S3StagedWrite"/>).</item>
/// <item>Moves copy then delete (folders key by key): not atomic. There is no append.</item>
/// </list>
/// </remarks>
public sealed class S3FileStore : IFileStore, IDisposable
{
    private const StoreCapabilities WritableCapabilities =
        StoreCapabilities.Write | StoreCapabilities.ResumableWrites | StoreCapabilities.PreservesModificationTime;

    private readonly ILogger logger;
    private readonly bool readOnly;

    /// <summary>Opens the share <paramref name="shareName"/> in the bucket of <paramref name="options"/>. Sends no request yet.</summary>
    public S3FileStore(S3StoreOptions options, string shareName, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        Options = options;
        ShareName = shareName;
        readOnly = options.ReadOnly;
        logger = loggerFactory.CreateLogger<S3FileStore>();
        Layout = new S3Layout(options.Prefix);
        var endpoint = options.Endpoint?.ToString().TrimEnd('/') ?? $"AWS S3 ({options.Region})";
        Errors = new S3Errors(shareName, options.Bucket, endpoint);
        WriterIdPrefix = endpoint + "\n" + options.Bucket + "\n";
        Client = CreateClient(options);
        Log.Opened(logger, shareName, options.Bucket, options.Prefix, endpoint);
    }

    /// <inheritdoc />
    public StoreCapabilities Capabilities => readOnly ? StoreCapabilities.None : WritableCapabilities;

    /// <summary>The share's name, used in error messages.</summary>
    public string ShareName { get; }

    internal S3StoreOptions Options { get; }

    internal IAmazonS3 Client { get; }

    internal S3Layout Layout { get; }

    internal S3Errors Errors { get; }

    internal ILogger Logger => logger;

    internal string WriterIdPrefix { get; }

    internal string Bucket => Options.Bucket;

    /// <inheritdoc />
    public async ValueTask<FileEntry?> StatAsync(StorePath path, CancellationToken ct)
    {
        if (path.IsRoot)
        {
            return new FileEntry(path, true, 0, DateTimeOffset.UnixEpoch);
        }

        if (S3Layout.IsReserved(path))
        {
            return null;
        }

        var head = await HeadAsync(path, ct).ConfigureAwait(false);
        if (head is not null)
        {
            return new FileEntry(path, false, head.ContentLength, ModificationTime.Read(head.Metadata, head.LastModified));
        }

        var inside = await FirstBelowAsync(path, ct).ConfigureAwait(false);
        return inside is null ? null : new FileEntry(path, true, 0, inside.Value);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<FileEntry> ListAsync(StorePath directory, [EnumeratorCancellation] CancellationToken ct)
    {
        if (S3Layout.IsReserved(directory))
        {
            throw Errors.NotFound(directory);
        }

        var prefix = Layout.FolderPrefix(directory);
        var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = prefix, Delimiter = "/", MaxKeys = Options.ListPageSize };
        var first = true;
        while (true)
        {
            var page = await CallAsync(c => Client.ListObjectsV2Async(request, c), "list", directory, ct).ConfigureAwait(false);
            var found = false;
            foreach (var common in page.CommonPrefixes ?? [])
            {
                found = true;
                var name = common[prefix.Length..^1];
                if (directory.IsRoot && name == S3Layout.StagingFolderName)
                {
                    continue;
                }

                if (Listable(name, common))
                {
                    yield return new FileEntry(directory.Append(name), true, 0, DateTimeOffset.UnixEpoch);
                }
            }

            foreach (var item in page.S3Objects ?? [])
            {
                found = true;
                var name = item.Key[prefix.Length..];
                if (name.Length == 0)
                {
                    continue; // the folder's own marker
                }

                if (Listable(name, item.Key))
                {
                    yield return new FileEntry(directory.Append(name), false, item.Size ?? 0, ModificationTime.Utc(item.LastModified));
                }
            }

            if (first && !found && !directory.IsRoot)
            {
                var isFile = await HeadAsync(directory, ct).ConfigureAwait(false) is not null;
                throw new StoreNotFoundException(directory, isFile
                    ? $"{directory.ToDisplayString()} is a file, not a folder, in the share '{ShareName}'."
                    : $"The folder {directory.ToDisplayString()} does not exist in the share '{ShareName}'.");
            }

            first = false;
            if (page.IsTruncated != true || string.IsNullOrEmpty(page.NextContinuationToken))
            {
                break;
            }

            request.ContinuationToken = page.NextContinuationToken;
        }
    }

    /// <inheritdoc />
    public async ValueTask<Stream> OpenReadAsync(StorePath path, long offset, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (path.IsRoot || S3Layout.IsReserved(path))
        {
            throw new StoreNotFoundException(path, path.IsRoot ? $"The root of the share '{ShareName}' is a folder, not a file." : Errors.NotFound(path).Message);
        }

        var request = new GetObjectRequest { BucketName = Bucket, Key = Layout.Key(path) };
        if (offset > 0)
        {
            request.ByteRange = new ByteRange($"bytes={offset}-");
        }

        GetObjectResponse response;
        try
        {
            response = await Client.GetObjectAsync(request, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (S3Errors.IsNotFound(e))
        {
            throw await FirstBelowAsync(path, ct).ConfigureAwait(false) is null
                ? Errors.NotFound(path)
                : new StoreNotFoundException(path, $"{path.ToDisplayString()} is a folder, not a file, in the share '{ShareName}'.");
        }
        catch (Exception e) when (S3Errors.IsInvalidRange(e))
        {
            var length = (await HeadAsync(path, ct).ConfigureAwait(false))?.ContentLength ?? throw Errors.NotFound(path);
            return offset == length
                ? new MemoryStream([], writable: false)
                : throw new ArgumentOutOfRangeException(nameof(offset), offset, $"{path.ToDisplayString()} has only {length} bytes.");
        }
        catch (Exception e) when (Errors.Map(e, "read", path, ct) is { } mapped)
        {
            throw mapped;
        }

        return new S3ReadStream(response, path, Errors, Options.Timeout);
    }

    /// <inheritdoc />
    public async ValueTask<IStagedWrite> BeginWriteAsync(StorePath path, WriteMode mode, CancellationToken ct)
    {
        EnsureWritable();
        if (mode == WriteMode.Append)
        {
            throw new NotSupportedException($"The share '{ShareName}' is kept in S3, which cannot append to an object; send the whole file again.");
        }

        if (path.IsRoot)
        {
            throw new StoreConflictException(path, $"The root of the share '{ShareName}' is a folder; a file needs a name.");
        }

        RefuseReserved(path);
        return await S3StagedWrite.BeginAsync(this, path, mode, ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask CreateDirectoryAsync(StorePath path, CancellationToken ct)
    {
        EnsureWritable();
        RefuseReserved(path);
        var level = StorePath.Root;
        foreach (var segment in path.Segments)
        {
            level = level.Append(segment);
            if (await HeadAsync(level, ct).ConfigureAwait(false) is not null)
            {
                throw new StoreConflictException(level, $"{level.ToDisplayString()} is a file in the share '{ShareName}'; a folder cannot take its place.");
            }

            var marker = new PutObjectRequest { BucketName = Bucket, Key = Layout.FolderPrefix(level), InputStream = new MemoryStream([], writable: false) };
            await CallAsync(c => Client.PutObjectAsync(marker, c), "create the folder", level, ct).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DeleteAsync(StorePath path, CancellationToken ct)
    {
        EnsureWritable();
        if (path.IsRoot)
        {
            throw new StorageException($"The root of the share '{ShareName}' cannot be deleted.");
        }

        if (S3Layout.IsReserved(path))
        {
            throw Errors.NotFound(path);
        }

        if (await HeadAsync(path, ct).ConfigureAwait(false) is not null)
        {
            await DeleteKeyAsync(Layout.Key(path), path, ct).ConfigureAwait(false);
            return;
        }

        var prefix = Layout.FolderPrefix(path);
        var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = prefix, MaxKeys = 2 };
        var page = await CallAsync(c => Client.ListObjectsV2Async(request, c), "delete", path, ct).ConfigureAwait(false);
        var keys = page.S3Objects ?? [];
        if (keys.Count == 0)
        {
            throw Errors.NotFound(path);
        }

        if (keys.Count > 1 || keys[0].Key != prefix)
        {
            throw new StoreConflictException(path, $"The folder {path.ToDisplayString()} in the share '{ShareName}' is not empty.");
        }

        await DeleteKeyAsync(prefix, path, ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask MoveAsync(StorePath from, StorePath to, CancellationToken ct)
    {
        EnsureWritable();
        if (from.IsRoot || to.IsRoot)
        {
            throw new StorageException($"The root of the share '{ShareName}' cannot be moved or replaced.");
        }

        if (S3Layout.IsReserved(from))
        {
            throw Errors.NotFound(from);
        }

        RefuseReserved(to);
        if (to.IsWithin(from))
        {
            throw new StorageException($"{from.ToDisplayString()} cannot be moved into itself ({to.ToDisplayString()}) in the share '{ShareName}'.");
        }

        var file = await HeadAsync(from, ct).ConfigureAwait(false);
        if (file is null && await FirstBelowAsync(from, ct).ConfigureAwait(false) is null)
        {
            throw Errors.NotFound(from);
        }

        if (await HeadAsync(to, ct).ConfigureAwait(false) is not null || await FirstBelowAsync(to, ct).ConfigureAwait(false) is not null)
        {
            throw Errors.Exists(to);
        }

        var copier = new S3Copier(this);
        if (file is not null)
        {
            await copier.CopyAsync(Layout.Key(from), Layout.Key(to), file.ContentLength, from, null, ct).ConfigureAwait(false);
            await DeleteKeyAsync(Layout.Key(from), from, ct).ConfigureAwait(false);
            return;
        }

        await copier.MoveFolderAsync(from, to, ct).ConfigureAwait(false);
    }

    /// <summary>Closes the S3 client.</summary>
    public void Dispose() => Client.Dispose();

    /// <summary>HEAD of the file at <paramref name="path"/>, or null when there is none.</summary>
    internal async Task<GetObjectMetadataResponse?> HeadAsync(StorePath path, CancellationToken ct)
    {
        try
        {
            return await Client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = Bucket, Key = Layout.Key(path) }, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (S3Errors.IsNotFound(e))
        {
            return null;
        }
        catch (Exception e) when (Errors.Map(e, "read", path, ct) is { } mapped)
        {
            throw mapped;
        }
    }

    /// <summary>When some key lies below the folder <paramref name="path"/>: the upload time of the first; else null.</summary>
    internal async Task<DateTimeOffset?> FirstBelowAsync(StorePath path, CancellationToken ct)
    {
        var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = Layout.FolderPrefix(path), MaxKeys = 1 };
        var page = await CallAsync(c => Client.ListObjectsV2Async(request, c), "read", path, ct).ConfigureAwait(false);
        return page.S3Objects is [var first, ..] ? ModificationTime.Utc(first.LastModified) : null;
    }

    internal async Task DeleteKeyAsync(string key, StorePath path, CancellationToken ct)
    {
        var request = new DeleteObjectRequest { BucketName = Bucket, Key = key };
        await CallAsync(c => Client.DeleteObjectAsync(request, c), "delete", path, ct).ConfigureAwait(false);
    }

    /// <summary>Runs one S3 call, mapping its failures to storage errors.</summary>
    internal async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, string action, StorePath path, CancellationToken ct)
    {
        try
        {
            return await call(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (Errors.Map(e, action, path, ct) is { } mapped)
        {
            throw mapped;
        }
    }

    private bool Listable(string name, string key)
    {
        if (!StorePath.IsValidSegment(name, out var reason) || !name.IsNormalized(NormalizationForm.FormC))
        {
            Log.KeyHidden(logger, ShareName, key, reason ?? "not in Unicode NFC form");
            return false;
        }

        return true;
    }

    private void RefuseReserved(StorePath path)
    {
        if (S3Layout.IsReserved(path))
        {
            throw new StorageException($"{path.ToDisplayString()} is reserved in the share '{ShareName}': '{S3Layout.StagingFolderName}' holds ShareKit's unfinished transfers.");
        }
    }

    private void EnsureWritable()
    {
        if (readOnly)
        {
            throw new NotSupportedException($"The share '{ShareName}' is read-only.");
        }
    }

    private static AmazonS3Client CreateClient(S3StoreOptions options)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.PathStyle,
            // Self-hosted stores (Ceph RGW 16, MinIO releases before 2025) reject or mangle the SDK's default
            // flexible checksums; send and check them only where S3 requires them.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            Timeout = options.Timeout,
        };
        if (options.Retries is { } retries)
        {
            config.MaxErrorRetry = retries;
        }

        if (options.Endpoint is { } endpoint)
        {
            config.ServiceURL = endpoint.ToString();
            config.AuthenticationRegion = options.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        return options.AccessKey is not null
            ? new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config)
            : new AmazonS3Client(config);
    }
}
