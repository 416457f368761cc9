using System.Net;
using Microsoft.Extensions.Logging;

namespace ShareKit.Discovery.UdpBroadcast;

internal static partial class Log
{
    [LoggerMessage(2, LogLevel.Information, "UDP discovery on port {Port} uses interfaces: {Interfaces}")]
    public static partial void InterfacesChanged(this ILogger logger, int port, string interfaces);

    [LoggerMessage(3, LogLevel.Debug, "Sending a discovery packet to {Destination} failed: {Error}")]
    public static partial void SendFailed(this ILogger logger, IPEndPoint destination, string error);

    [LoggerMessage(4, LogLevel.Debug, "Receiving discovery packets failed: {Error}")]
    public static partial void ReceiveFailed(this ILogger logger, string error);

    [LoggerMessage(5, LogLevel.Warning, "IPv6 discovery is off: {Error}")]
    public static partial void Ipv6Unavailable(this ILogger logger, string error);

    [LoggerMessage(6, LogLevel.Debug, "Joining the IPv6 discovery group on {Interface} failed: {Error}")]
    public static partial void JoinFailed(this ILogger logger, string @interface, string error);

    [LoggerMessage(7, LogLevel.Error, "The UDP discovery loop failed; discovery continues after a pause")]
    public static partial void LoopFailed(this ILogger logger, Exception exception);
}
