using Microsoft.Extensions.Logging;
using ShareKit.Sdk;

namespace ShareKit.Storage.Local;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Share {Share} stores its files in {Root}")]
    public static partial void Opened(ILogger logger, string share, string root);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Share {Share}: {Path} is a link leading outside the share or nowhere; it is not listed")]
    public static partial void LinkHidden(ILogger logger, string share, StorePath path);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Share {Share}: the name {Name} in {Folder} is not a valid share path ({Reason}); it is not listed")]
    public static partial void NameHidden(ILogger logger, string share, string name, StorePath folder, string reason);
}
