using System.Net;
using Microsoft.Extensions.Logging;

namespace ShareKit.Discovery.Mdns;

internal static partial class Log
{
    [LoggerMessage(2, LogLevel.Information, "mDNS uses interfaces: {Interfaces}")]
    public static partial void InterfacesChanged(this ILogger logger, string interfaces);

    [LoggerMessage(3, LogLevel.Debug, "Sending an mDNS message to {Destination} failed: {Error}")]
    public static partial void SendFailed(this ILogger logger, IPEndPoint destination, string error);

    [LoggerMessage(4, LogLevel.Debug, "Receiving mDNS messages failed: {Error}")]
    public static partial void ReceiveFailed(this ILogger logger, string error);

    [LoggerMessage(5, LogLevel.Warning, "mDNS over IPv6 is off: {Error}")]
    public static partial void Ipv6Unavailable(this ILogger logger, string error);

    [LoggerMessage(6, LogLevel.Debug, "Joining the mDNS group on {Interface} failed: {Error}")]
    public static partial void JoinFailed(this ILogger logger, string @interface, string error);

    [LoggerMessage(7, LogLevel.Error, "The mDNS loop failed; discovery continues after a pause")]
    public static partial void LoopFailed(this ILogger logger, Exception exception);

    [LoggerMessage(8, LogLevel.Information, "The mDNS name '{Name}' is taken on the network; using '{NewName}'")]
    public static partial void Renamed(this ILogger logger, string name, string newName);

    [LoggerMessage(9, LogLevel.Debug, "mDNS: probing done, announcing '{Name}'")]
    public static partial void Announcing(this ILogger logger, string name);
}
