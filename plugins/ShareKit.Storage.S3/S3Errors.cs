using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using ShareKit.Sdk;

namespace ShareKit.Storage.S3;

/// <summary>Turns SDK and network exceptions into the SDK's storage errors with messages a person can act on.</summary>
internal sealed class S3Errors(string share, string bucket, string endpoint)
{
    public string Share { get; } = share;

    public static bool IsNotFound(Exception e) => e is AmazonS3Exception { StatusCode: HttpStatusCode.NotFound } s && s.ErrorCode != "NoSuchBucket";

    public static bool IsPreconditionFailed(Exception e) => e is AmazonS3Exception { StatusCode: HttpStatusCode.PreconditionFailed };

    public static bool IsInvalidRange(Exception e) => e is AmazonS3Exception { StatusCode: HttpStatusCode.RequestedRangeNotSatisfiable };

    public StoreNotFoundException NotFound(StorePath path) =>
        new(path, $"{path.ToDisplayString()} does not exist in the share '{Share}'.");

    public StoreConflictException Exists(StorePath path) =>
        new(path, $"{path.ToDisplayString()} exists already in the share '{Share}'.");

    public StorageException Unreachable(StorePath path, string action, Exception e) =>
        new($"Could not {action} {path.ToDisplayString()} in the share '{Share}': the object store at {endpoint} did not answer ({e.Message}). Check that it is running and reachable; nothing was published.", e);

    /// <summary>
    /// Maps <paramref name="e"/> (from <paramref name="action"/> on <paramref name="path"/>) to a storage error, or
    /// null when it should pass unchanged (the caller's cancellation, a bug).
    /// </summary>
    public StorageException? Map(Exception e, string action, StorePath path, CancellationToken ct)
    {
        switch (e)
        {
            case StorageException already:
                return already;
            case OperationCanceledException when ct.IsCancellationRequested:
                return null;
            case AmazonS3Exception { ErrorCode: "NoSuchBucket" }:
                return new StorageException($"The bucket '{bucket}' of the share '{Share}' does not exist at {endpoint}; create it (e.g. aws s3 mb s3://{bucket}) or fix shares:{Share}:settings:bucket.", e);
            case AmazonS3Exception { StatusCode: HttpStatusCode.NotFound }:
                return NotFound(path);
            case AmazonS3Exception { StatusCode: HttpStatusCode.Forbidden } or AmazonS3Exception { ErrorCode: "InvalidAccessKeyId" or "SignatureDoesNotMatch" or "AccessDenied" }:
                return new StorageException($"The object store at {endpoint} refused to {action} {path.ToDisplayString()} in the share '{Share}' ({e.Message}); check accessKey/secretKey and the bucket policy.", e);
            case AmazonS3Exception { ErrorCode: "QuotaExceeded" or "EntityTooLarge" } or AmazonS3Exception { StatusCode: HttpStatusCode.InsufficientStorage }:
                return new StorageFullException($"The share '{Share}' is full: the object store at {endpoint} refused to store {path.ToDisplayString()} ({e.Message}). Free some space or raise the quota; files already in the share are untouched.", e);
            case AmazonS3Exception s3:
                return new StorageException($"Could not {action} {path.ToDisplayString()} in the share '{Share}': the object store at {endpoint} answered {(int)s3.StatusCode} {s3.ErrorCode}: {s3.Message}", e);
            case AmazonClientException when e.Message.Contains("credentials", StringComparison.OrdinalIgnoreCase):
                return new StorageException($"The share '{Share}' has no S3 credentials: set accessKey and secretKey in shares:{Share}:settings, or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or an AWS profile for ShareKit ({e.Message.Split('.')[0]}).", e);
            case AmazonServiceException or AmazonClientException or HttpRequestException or IOException or TimeoutException or OperationCanceledException:
                return Unreachable(path, action, e);
            default:
                return null;
        }
    }
}
