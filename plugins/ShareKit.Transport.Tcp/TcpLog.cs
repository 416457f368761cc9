using System.Net;
using Microsoft.Extensions.Logging;
using ShareKit.Sdk;

namespace ShareKit.Transport.Tcp;

/// <summary>The transport's log messages.</summary>
internal static partial class TcpLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Listening at {Endpoint}")]
    public static partial void Listening(ILogger logger, Endpoint endpoint);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Connected to {Remote} from {Local}")]
    public static partial void Connected(ILogger logger, Endpoint remote, Endpoint local);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Connecting to {Address} for {Remote} failed")]
    public static partial void AttemptFailed(ILogger logger, IPAddress address, Endpoint remote, Exception error);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Accepted {Remote} at {Local}")]
    public static partial void Accepted(ILogger logger, Endpoint remote, Endpoint local);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "Accept at {Local} skipped a connection that broke first")]
    public static partial void AcceptSkipped(ILogger logger, Endpoint local, Exception error);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "Connection with {Remote} broke")]
    public static partial void ConnectionBroke(ILogger logger, Endpoint remote, Exception error);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Stopped listening at {Endpoint}")]
    public static partial void StoppedListening(ILogger logger, Endpoint endpoint);
}
