using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace ShareKit.Discovery.Mdns;

/// <summary>One network interface mDNS runs on, with the addresses it answers with there (RFC 6762 §6.2: per-interface answers).</summary>
/// <param name="Index">The OS interface index (IPv6 scope id, packet-info index).</param>
/// <param name="Name">The interface name, e.g. <c>eth0</c>.</param>
/// <param name="IsLoopback">True for <c>lo</c>.</param>
/// <param name="Ipv4">Its IPv4 address, or null.</param>
/// <param name="Ipv6">Its preferred IPv6 address (global before link-local), or null.</param>
/// <param name="Multicast">True when the interface carries multicast.</param>
internal sealed record LocalInterface(
    int Index,
    string Name,
    bool IsLoopback,
    IPAddress? Ipv4,
    IPAddress? Ipv6,
    bool Multicast)
{
    /// <summary>The interfaces to use now: the allow-list if one is given, else every up, non-loopback, multicast-capable interface.</summary>
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
            if (found is not null && found.Multicast)
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
        IPAddress? linkLocal = null;
        IPAddress? global = null;
        foreach (var unicast in properties.UnicastAddresses)
        {
            var address = unicast.Address;
            if (address.AddressFamily == AddressFamily.InterNetwork && ipv4 is null)
            {
                ipv4 = address;
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
            ipv6 is null ? null : new IPAddress(ipv6.GetAddressBytes()),
            nic.SupportsMulticast);
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
}
