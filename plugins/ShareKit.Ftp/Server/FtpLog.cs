using System.Net;
using Microsoft.Extensions.Logging;

namespace ShareKit.Ftp;

/// <summary>The FTP service's log messages.</summary>
internal static partial class FtpLog
{
    [LoggerMessage(1, LogLevel.Information, "FTP service listening on {Endpoint}, serving {Shares}")]
    public static partial void Listening(ILogger logger, string endpoint, string shares);

    [LoggerMessage(2, LogLevel.Information, "FTP login of {User} from {Address}")]
    public static partial void LoggedIn(ILogger logger, string user, IPAddress address);

    [LoggerMessage(3, LogLevel.Warning, "FTP login failed for {User} from {Address} ({Failures} failures from that address)")]
    public static partial void LoginFailed(ILogger logger, string user, IPAddress address, int failures);

    [LoggerMessage(4, LogLevel.Information, "FTP connection from {Address} refused: {Reason}")]
    public static partial void ConnectionRefused(ILogger logger, IPAddress address, string reason);

    [LoggerMessage(5, LogLevel.Debug, "FTP session from {Address} ended: {Reason}")]
    public static partial void SessionEnded(ILogger logger, IPAddress address, string reason);

    [LoggerMessage(6, LogLevel.Warning, "FTP data connection from {Address} refused: the control connection comes from {ControlAddress}")]
    public static partial void ForeignDataConnection(ILogger logger, IPAddress address, IPAddress controlAddress);

    [LoggerMessage(7, LogLevel.Warning, "FTP session from {Address} failed")]
    public static partial void SessionFailed(ILogger logger, IPAddress address, Exception exception);

    [LoggerMessage(8, LogLevel.Information, "FTP {Direction} of {Path} by {User}: {Bytes} bytes, {Outcome}")]
    public static partial void Transfer(ILogger logger, string direction, string path, string user, long bytes, string outcome);

    [LoggerMessage(9, LogLevel.Warning, "FTP accept loop failed")]
    public static partial void AcceptFailed(ILogger logger, Exception exception);
}
