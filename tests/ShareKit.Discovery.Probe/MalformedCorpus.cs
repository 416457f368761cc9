using System.Buffers.Binary;
using ShareKit.Discovery.UdpBroadcast.Packets;
using ShareKit.Sdk;

namespace ShareKit.Discovery.Probe;

/// <summary>Hostile datagrams for both discovery plugins: truncated, oversized, wrong magic or version, random bytes.</summary>
public static class MalformedCorpus
{
    /// <summary>How many different kinds of bad packet each generator cycles through.</summary>
    public const int Kinds = 6;

    /// <summary>The <paramref name="index"/>-th bad UDP discovery packet (kinds cycle).</summary>
    public static byte[] UdpPacket(int index, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var valid = PacketCodec.Encode(new DiscoveryPacket(
            PacketKind.Announce,
            NodeId.NewRandom(),
            true,
            "flood " + index,
            [Endpoint.Parse("tcp://198.18.250.1:53531")],
            ["receive"],
            "AAAA-BBBB",
            1,
            TimeSpan.FromSeconds(90)));
        switch (index % Kinds)
        {
            case 0:
                return valid[..random.Next(valid.Length)];
            case 1:
                var big = new byte[random.Next(PacketCodec.MaxPacketBytes + 1, 1400)];
                valid.CopyTo(big, 0);
                return big;
            case 2:
                valid[random.Next(4)] ^= 0x5A;
                return valid;
            case 3:
                valid[4] = (byte)random.Next(2, 256);
                return valid;
            case 4:
                // A length byte that runs past the end of the datagram.
                valid[PacketCodec.HeaderBytes] = 250;
                return valid;
            default:
                var noise = new byte[random.Next(1, 1200)];
                random.NextBytes(noise);
                return noise;
        }
    }

    /// <summary>The <paramref name="index"/>-th bad mDNS message (kinds cycle).</summary>
    public static byte[] MdnsPacket(int index, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        switch (index % Kinds)
        {
            case 0:
                // A header only, claiming thousands of records.
                var header = new byte[12];
                BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(2), 0x8400);
                BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(6), 0xFFFF);
                return header;
            case 1:
                // A name whose compression pointer points at itself.
                return [0, 0, 0x84, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0xC0, 12, 0, 12, 0, 1, 0, 0, 0, 120, 0, 2, 0xC0, 12];
            case 2:
                return new byte[random.Next(5)];
            case 3:
                var big = new byte[random.Next(9001, 9100)];
                random.NextBytes(big);
                return big;
            case 4:
                // A PTR answer for our service type whose RDATA length runs past the end.
                return
                [
                    0, 0, 0x84, 0, 0, 0, 0, 1, 0, 0, 0, 0,
                    9, .. "_sharekit"u8, 4, .. "_tcp"u8, 5, .. "local"u8, 0,
                    0, 12, 0, 1, 0, 0, 0, 120, 0xFF, 0xF0, 3, (byte)'a',
                ];
            default:
                var noise = new byte[random.Next(1, 1500)];
                random.NextBytes(noise);
                return noise;
        }
    }
}
