using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using ShareKit.Sdk;

namespace ShareKit.Discovery.Mdns;

/// <summary>
/// The multicast socket part of mDNS: 224.0.0.251:5353 and [ff02::fb]:5353 with SO_REUSEADDR (so avahi-daemon or
/// another responder on the same host keeps working), the group joined per interface, loopback on (a responder on
/// this host must hear us), hop limit 255 (RFC 6762 §11). Sends go out one interface at a time.
/// </summary>
internal sealed class MdnsSockets : IDisposable
{
    public static readonly IPAddress Ipv4Group = IPAddress.Parse("224.0.0.251");
    public static readonly IPAddress Ipv6Group = IPAddress.Parse("ff02::fb");

    private readonly ILogger logger;
    private readonly int port;
    private readonly Lock sendGate = new();
    private readonly HashSet<int> joinedV4 = [];
    private readonly HashSet<int> joinedV6 = [];

    public MdnsSockets(ILogger logger, int port, bool ipv6, string settingsPath)
    {
        this.logger = logger;
        this.port = port;
        Ipv4 = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            Ipv4.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            Ipv4.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.PacketInformation, true);
            Ipv4.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastTimeToLive, 255);
            Ipv4.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastLoopback, true);
            Ipv4.Bind(new IPEndPoint(IPAddress.Any, port));
        }
        catch (SocketException e)
        {
            Ipv4.Dispose();
            throw new ShareKitException($"mDNS cannot listen on UDP port {port}: {e.Message}. Another program holds it without sharing; check {settingsPath}.", e);
        }

        if (ipv6 && Socket.OSSupportsIPv6)
        {
            var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                socket.DualMode = false;
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.PacketInformation, true);
                socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.MulticastTimeToLive, 255);
                socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.MulticastLoopback, true);
                socket.Bind(new IPEndPoint(IPAddress.IPv6Any, port));
                Ipv6 = socket;
            }
            catch (SocketException e)
            {
                socket.Dispose();
                logger.Ipv6Unavailable(e.Message);
            }
        }
    }

    public Socket Ipv4 { get; }

    public Socket? Ipv6 { get; }

    /// <summary>Joins the groups on new interfaces (the kernel leaves them when an interface goes).</summary>
    public void Join(IReadOnlyList<LocalInterface> interfaces)
    {
        var indexes = interfaces.Select(n => n.Index).ToHashSet();
        joinedV4.IntersectWith(indexes);
        joinedV6.IntersectWith(indexes);
        foreach (var nic in interfaces)
        {
            if (nic.Ipv4 is not null && joinedV4.Add(nic.Index))
            {
                TryJoin(nic, () => Ipv4.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.AddMembership, new MulticastOption(Ipv4Group, nic.Index)), joinedV4);
            }

            if (Ipv6 is not null && nic.Ipv6 is not null && joinedV6.Add(nic.Index))
            {
                TryJoin(nic, () => Ipv6.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.AddMembership, new IPv6MulticastOption(Ipv6Group, nic.Index)), joinedV6);
            }
        }
    }

    /// <summary>Multicasts a message on one interface, over IPv4 and IPv6 as the interface allows.</summary>
    public void Multicast(byte[] message, LocalInterface nic)
    {
        lock (sendGate)
        {
            if (nic.Ipv4 is not null)
            {
                try
                {
                    Ipv4.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastInterface, nic.Ipv4.GetAddressBytes());
                    Send(Ipv4, message, new IPEndPoint(Ipv4Group, port));
                }
                catch (SocketException e)
                {
                    logger.SendFailed(new IPEndPoint(Ipv4Group, port), e.Message);
                }
            }

            if (Ipv6 is not null && nic.Ipv6 is not null)
            {
                Send(Ipv6, message, new IPEndPoint(new IPAddress(Ipv6Group.GetAddressBytes(), nic.Index), port));
            }
        }
    }

    /// <summary>Answers a legacy (one-shot) querier directly (RFC 6762 §6.7).</summary>
    public void Unicast(byte[] message, IPEndPoint destination)
    {
        lock (sendGate)
        {
            Send(destination.AddressFamily == AddressFamily.InterNetwork ? Ipv4 : Ipv6 ?? Ipv4, message, destination);
        }
    }

    public void Dispose()
    {
        Ipv4.Dispose();
        Ipv6?.Dispose();
    }

    private void Send(Socket socket, byte[] message, IPEndPoint destination)
    {
        try
        {
            socket.SendTo(message, SocketFlags.None, destination);
        }
        catch (SocketException e)
        {
            logger.SendFailed(destination, e.Message);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private void TryJoin(LocalInterface nic, Action join, HashSet<int> joined)
    {
        try
        {
            join();
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
        }
        catch (SocketException e)
        {
            joined.Remove(nic.Index);
            logger.JoinFailed(nic.Name, e.Message);
        }
    }
}
