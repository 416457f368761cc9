using ShareKit.Discovery.Probe;
using ShareKit.Discovery.UdpBroadcast.Packets;
using ShareKit.Sdk;

namespace ShareKit.Discovery.Tests.UdpBroadcast;

public sealed class PacketCodecTests
{
    private static readonly DiscoveryPacket Sample = new(
        PacketKind.Announce,
        NodeId.Parse("0123456789abcdef0123456789abcdef"),
        true,
        "Ada's laptop ✓",
        [Endpoint.Parse("tcp://198.18.1.7:53531"), Endpoint.Parse("tcp://[fe80::1]:53531")],
        ["receive", "library", "encrypted"],
        "K7QF-2M4X-9PLA",
        1,
        TimeSpan.FromSeconds(90));

    [Fact]
    public void A_packet_survives_a_round_trip()
    {
        Assert.True(PacketCodec.TryDecode(PacketCodec.Encode(Sample), out var decoded, out var error), error);
        Assert.Equal(Sample.Kind, decoded.Kind);
        Assert.Equal(Sample.NodeId, decoded.NodeId);
        Assert.True(decoded.DescribesNode);
        Assert.Equal(Sample.Name, decoded.Name);
        Assert.Equal(Sample.Endpoints, decoded.Endpoints);
        Assert.Equal(Sample.Capabilities, decoded.Capabilities);
        Assert.Equal(Sample.Fingerprint, decoded.Fingerprint);
        Assert.Equal(1, decoded.ProtocolVersion);
        Assert.Equal(TimeSpan.FromSeconds(90), decoded.Validity);
    }

    [Theory]
    [InlineData((byte)PacketKind.Query)]
    [InlineData((byte)PacketKind.Goodbye)]
    public void Query_and_goodbye_round_trip_without_a_fingerprint(byte kindByte)
    {
        var kind = (PacketKind)kindByte;
        var packet = Sample with { Kind = kind, Fingerprint = null, DescribesNode = false, Endpoints = [], Capabilities = [] };
        Assert.True(PacketCodec.TryDecode(PacketCodec.Encode(packet), out var decoded, out var error), error);
        Assert.Equal(kind, decoded.Kind);
        Assert.Null(decoded.Fingerprint);
        Assert.False(decoded.DescribesNode);
    }

    [Fact]
    public void Every_truncation_is_refused()
    {
        var bytes = PacketCodec.Encode(Sample);
        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.False(PacketCodec.TryDecode(bytes.AsSpan(0, length), out _, out var error), $"a {length}-byte prefix was accepted");
            Assert.NotEmpty(error);
        }
    }

    [Fact]
    public void Oversized_and_trailing_bytes_are_refused()
    {
        var bytes = PacketCodec.Encode(Sample);
        var big = new byte[PacketCodec.MaxPacketBytes + 1];
        bytes.CopyTo(big, 0);
        Assert.False(PacketCodec.TryDecode(big, out _, out var error));
        Assert.Contains("oversized", error, StringComparison.Ordinal);
        Assert.False(PacketCodec.TryDecode([.. bytes, 0], out _, out error));
        Assert.Contains("trailing", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_magic_and_wrong_version_are_refused()
    {
        var wrongMagic = PacketCodec.Encode(Sample);
        wrongMagic[0] = (byte)'X';
        Assert.False(PacketCodec.TryDecode(wrongMagic, out _, out var error));
        Assert.Contains("magic", error, StringComparison.Ordinal);

        var wrongVersion = PacketCodec.Encode(Sample);
        wrongVersion[4] = 2;
        Assert.False(PacketCodec.TryDecode(wrongVersion, out _, out error));
        Assert.Contains("version", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_bytes_never_throw_and_are_refused()
    {
        var random = new Random(42);
        for (var i = 0; i < 20_000; i++)
        {
            var noise = new byte[random.Next(0, 1400)];
            random.NextBytes(noise);
            if (i % 2 == 0 && noise.Length >= 6)
            {
                // Half the noise gets a valid header start, to reach the field parser.
                "SKDP"u8.CopyTo(noise);
                noise[4] = 1;
                noise[5] = (byte)random.Next(1, 4);
            }

            Assert.False(PacketCodec.TryDecode(noise, out _, out _));
        }
    }

    [Fact]
    public void The_flood_corpus_is_refused_entirely()
    {
        var random = new Random(7);
        for (var i = 0; i < 600; i++)
        {
            Assert.False(PacketCodec.TryDecode(MalformedCorpus.UdpPacket(i, random), out _, out _), $"corpus packet {i} was accepted");
        }
    }

    [Fact]
    public void The_largest_allowed_packet_fits_the_limit()
    {
        var packet = Sample with
        {
            Name = new string('n', PacketCodec.MaxNameBytes),
            Fingerprint = new string('f', PacketCodec.MaxFingerprintBytes),
            Capabilities = [.. Enumerable.Range(0, PacketCodec.MaxCapabilities).Select(i => $"{i:D2}" + new string('c', PacketCodec.MaxCapabilityBytes - 2))],
            Endpoints = [.. Enumerable.Range(0, PacketCodec.MaxEndpoints).Select(i => Endpoint.Parse($"tcp://[fe80::aaaa:bbbb:cccc:{i:x4}]:65535"))],
        };
        var bytes = PacketCodec.Encode(packet);
        Assert.True(bytes.Length <= PacketCodec.MaxPacketBytes);
        Assert.True(PacketCodec.TryDecode(bytes, out var decoded, out var error), error);
        Assert.Equal(packet.Capabilities, decoded.Capabilities);
    }

    [Fact]
    public void Too_many_capabilities_are_refused_when_encoding()
    {
        var packet = Sample with { Capabilities = [.. Enumerable.Range(0, PacketCodec.MaxCapabilities + 1).Select(i => "c" + i)] };
        var error = Assert.Throws<ArgumentException>(() => PacketCodec.Encode(packet));
        Assert.Contains("capabilit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_name_is_cut_between_characters_to_fit()
    {
        var name = string.Concat(Enumerable.Repeat("é✓", 40));
        var cut = PacketCodec.TruncateName(name);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(cut) <= PacketCodec.MaxNameBytes);
        Assert.StartsWith(cut, name, StringComparison.Ordinal);
        Assert.True(PacketCodec.TryDecode(PacketCodec.Encode(Sample with { Name = name }), out var decoded, out _));
        Assert.Equal(cut, decoded.Name);
    }

    [Fact]
    public void Own_packets_are_recognised_before_parsing()
    {
        var bytes = PacketCodec.Encode(Sample);
        Assert.True(PacketCodec.IsFrom(bytes, PacketCodec.NodeIdBytes(Sample.NodeId)));
        Assert.False(PacketCodec.IsFrom(bytes, PacketCodec.NodeIdBytes(NodeId.NewRandom())));
    }
}
