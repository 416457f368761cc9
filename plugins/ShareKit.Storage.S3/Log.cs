using Microsoft.Extensions.Logging;
using ShareKit.Sdk;

namespace ShareKit.Storage.S3;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Share {Share} stores its files in bucket {Bucket} under '{Prefix}' at {Endpoint}")]
    public static partial void Opened(ILogger logger, string share, string bucket, string prefix, string endpoint);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Share {Share}: the key {Key} is not a valid share path ({Reason}); it is not listed")]
    public static partial void KeyHidden(ILogger logger, string share, string key, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Share {Share}: resuming the staged write of {Path} at byte {Offset} (upload {UploadId})")]
    public static partial void Resumed(ILogger logger, string share, StorePath path, long offset, string uploadId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Share {Share}: the unsent tail of the staged write of {Path} could not be kept ({Reason}); a resume starts at the last uploaded part")]
    public static partial void TailLost(ILogger logger, string share, StorePath path, string reason);
}
