using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ShareKit.Discovery.Probe;

/// <summary>Sends <c>--count</c> malformed datagrams to <c>--target</c> as fast as the socket takes them.</summary>
internal static class FloodSender
{
    public static async Task<int> RunAsync(ProbeArguments arguments)
    {
        var target = IPEndPoint.Parse(arguments.Target ?? throw new ArgumentException("flood needs --target ADDRESS:PORT"));
        using var socket = new Socket(target.AddressFamily, SocketType.Dgram, ProtocolType.Udp) { EnableBroadcast = true };
        if (arguments.Settings.TryGetValue("bind", out var bind) && bind is not null)
        {
            var local = IPAddress.Parse(bind);
            socket.Bind(new IPEndPoint(local, 0));
            socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastInterface, local.GetAddressBytes());
        }

        var random = new Random(5353);
        var clock = Stopwatch.StartNew();
        var sent = 0;
        for (var i = 0; i < arguments.Count; i++)
        {
            var datagram = arguments.Plugin == "mdns" ? MalformedCorpus.MdnsPacket(i, random) : MalformedCorpus.UdpPacket(i, random);
            try
            {
                await socket.SendToAsync(datagram, SocketFlags.None, target);
                sent++;
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.NoBufferSpaceAvailable or SocketError.WouldBlock)
            {
                // The kernel queue is full; the flood goes on, as a real one would.
            }
        }

        Console.Out.WriteLine($"{{\"event\":\"flooded\",\"sent\":{sent},\"ms\":{clock.ElapsedMilliseconds}}}");
        return 0;
    }
}
