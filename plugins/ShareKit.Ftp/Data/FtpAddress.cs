using System.Net;

namespace ShareKit.Ftp;

/// <summary>Address helpers: IPv4-mapped IPv6 addresses (from dual-mode sockets) compare as the IPv4 address.</summary>
internal static class FtpAddress
{
    public static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
