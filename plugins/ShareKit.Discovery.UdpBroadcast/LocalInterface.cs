using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace ShareKit.Discovery.UdpBroadcast;

/// <summary>One network interface discovery sends on, with the addresses it puts in packets sent there.</summary>
/// <param name="Index">The OS interface index (IPv6 scope id, packet-info index).</param>
/// <param name="Name">The interface name, e.g. <c>eth0</c>.</param>
/// <param name="IsLoopback">True for <c>lo</c>.</param>
/// <param name="Ipv4">Its IPv4 address, or null.</param>
/// <param name="Ipv4Broadcast">Its IPv4 subnet's directed broadcast address, or null.</param>
/// <param name="Ipv6">Its preferred IPv6 address (global before link-local), or null.</param>
/// <param name="Ipv6Multicast">True when IPv6 multicast can be sent and received there.</param>
internal sealed record LocalInterface(
    int Index,
    string Name,
    bool IsLoopback,
    IPAddress? Ipv4,
    IPAddress? Ipv4Broadcast,
    IPAddress? Ipv6,
    bool Ipv6Multicast)
{
    /// <summary>The interfaces to use now: the allow-list if one is given, else every up, non-loopback interface.</summary>
    public static IReadOnlyList<LocalInterface> Enumerate(IReadOnlyList<string> allowList)
    {
        var result = new List<LocalInterface>();
        foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
        {
            var isLoopback = nic.NetworkInterfaceType == NetworkInterfaceType.Loopback;
            var allowed = allowList.Count == 0
                ? !isLoopback && nic.OperationalStatus == OperationalStatus.Up
                : allowList.Contains(nic.Name, StringComparer.Ordinal) && nic.OperationalStatus is OperationalStatus.Up or OperationalStatus.Unknown;
            if (!allowed)
            {
                continue;
            }

            var found = Describe(nic, isLoopback);
            if (found is not null)
            {
                result.Add(found);
            }
        }

        result.Sort((a, b) => a.Index.CompareTo(b.Index));
        return result;
    }

    private static LocalInterface? Describe(NetworkInterface nic, bool isLoopback)
    {
        IPInterfaceProperties properties;
        try
        {
            properties = nic.GetIPProperties();
        }
        catch (NetworkInformationException)
        {
            return null;
        }

        var index = InterfaceIndex(properties);
        if (index < 0)
        {
            return null;
        }

        IPAddress? ipv4 = null;
        IPAddress? broadcast = null;
        IPAddress? linkLocal = null;
        IPAddress? global = null;
        foreach (var unicast in properties.UnicastAddresses)
        {
            var address = unicast.Address;
            if (address.AddressFamily == AddressFamily.InterNetwork && ipv4 is null)
            {
                ipv4 = address;
                broadcast = DirectedBroadcast(address, unicast.PrefixLength);
            }
            else if (address.AddressFamily == AddressFamily.InterNetworkV6)
            {
                if (address.IsIPv6LinkLocal)
                {
                    linkLocal ??= address;
                }
                else if (!address.IsIPv6Multicast)
                {
                    global ??= address;
                }
            }
        }

        var ipv6 = global ?? linkLocal;
        if (ipv4 is null && ipv6 is null)
        {
            return null;
        }

        return new LocalInterface(
            index,
            nic.Name,
            isLoopback,
            ipv4,
            broadcast,
            ipv6 is null ? null : new IPAddress(ipv6.GetAddressBytes()),
            ipv6 is not null && !isLoopback && nic.SupportsMulticast);
    }

    private static int InterfaceIndex(IPInterfaceProperties properties)
    {
        try
        {
            return properties.GetIPv4Properties()?.Index ?? properties.GetIPv6Properties()?.Index ?? -1;
        }
        catch (NetworkInformationException)
        {
            try
            {
                return properties.GetIPv6Properties()?.Index ?? -1;
            }
            catch (NetworkInformationException)
            {
                return -1;
            }
        }
    }

    /// <summary>The subnet's broadcast address; null for /31 and /32, which have none.</summary>
    private static IPAddress? DirectedBroadcast(IPAddress address, int prefixLength)
    {
        if (prefixLength is <= 0 or >= 31)
        {
            return null;
        }

        var bytes = address.GetAddressBytes();
        var host = uint.MaxValue >> prefixLength;
        var value = ((uint)bytes[0] << 24 | (uint)bytes[1] << 16 | (uint)bytes[2] << 8 | bytes[3]) | host;
        return new IPAddress([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);
    }
}
