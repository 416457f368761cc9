using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using ShareKit.Sdk;

namespace ShareKit.Discovery.UdpBroadcast.Packets;

/// <summary>
/// The wire format of a discovery datagram, version 1 (all integers big-endian):
/// <code>
/// magic "SKDP" (4) | format version (1) | kind (1) | flags (1, bit 0 = describes a node) | reserved 0 (1)
/// node id (16) | protocol version (u16) | validity in ms (u32)
/// name: len (u8) + UTF-8 | fingerprint: len (u8) + UTF-8, 0 = none
/// capabilities: count (u8), each len (u8) + ASCII | endpoints: count (u8), each len (u8) + ASCII endpoint text
/// </code>
/// The field limits below keep every valid packet under <see cref="MaxPacketBytes"/>; a decoder refuses anything
/// else, so a packet never needs IP fragmentation and a hostile one costs one bounded parse.
/// </summary>
internal static class PacketCodec
{
    public const int MaxPacketBytes = 1200;
    public const int MaxNameBytes = 64;
    public const int MaxFingerprintBytes = 128;
    public const int MaxCapabilities = 16;
    public const int MaxCapabilityBytes = 24;
    public const int MaxEndpoints = 8;
    public const int MaxEndpointBytes = 64;
    public const byte FormatVersion = 1;
    public const int HeaderBytes = 30;
    public static readonly TimeSpan MinValidity = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan MaxValidity = TimeSpan.FromDays(1);

    private const byte DescribesNodeFlag = 1;
    private static readonly byte[] Magic = "SKDP"u8.ToArray();
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>True when the datagram claims to come from <paramref name="nodeId"/>; checked before any parsing so own echoes cost nothing.</summary>
    public static bool IsFrom(ReadOnlySpan<byte> datagram, ReadOnlySpan<byte> nodeId) =>
        datagram.Length >= HeaderBytes && datagram.Slice(8, 16).SequenceEqual(nodeId);

    /// <summary>The 16 bytes of a node id as the packet carries them.</summary>
    public static byte[] NodeIdBytes(NodeId id) => Convert.FromHexString(id.Value);

    /// <summary>Encodes a packet.</summary>
    /// <exception cref="ArgumentException">A field breaks a limit; the message names it.</exception>
    public static byte[] Encode(DiscoveryPacket packet)
    {
        ArgumentNullException.ThrowIfNull(packet);
        var buffer = new byte[MaxPacketBytes];
        var span = buffer.AsSpan();
        Magic.CopyTo(span);
        span[4] = FormatVersion;
        span[5] = (byte)packet.Kind;
        span[6] = packet.DescribesNode ? DescribesNodeFlag : (byte)0;
        span[7] = 0;
        NodeIdBytes(packet.NodeId).CopyTo(span[8..]);
        if (packet.ProtocolVersion is < 0 or > ushort.MaxValue)
        {
            throw new ArgumentException($"The protocol version {packet.ProtocolVersion} is not 0–65535.", nameof(packet));
        }

        BinaryPrimitives.WriteUInt16BigEndian(span[24..], (ushort)packet.ProtocolVersion);
        var validity = Math.Clamp(packet.Validity.TotalMilliseconds, MinValidity.TotalMilliseconds, MaxValidity.TotalMilliseconds);
        BinaryPrimitives.WriteUInt32BigEndian(span[26..], (uint)validity);
        var at = HeaderBytes;
        at += WriteString(span[at..], TruncateName(packet.Name), MaxNameBytes, "name");
        at += WriteString(span[at..], packet.Fingerprint ?? string.Empty, MaxFingerprintBytes, "fingerprint");
        at += WriteList(span[at..], packet.Capabilities, MaxCapabilities, MaxCapabilityBytes, "capability");
        var endpoints = new string[packet.Endpoints.Count];
        for (var i = 0; i < endpoints.Length; i++)
        {
            endpoints[i] = packet.Endpoints[i].ToString();
        }

        at += WriteList(span[at..], endpoints, MaxEndpoints, MaxEndpointBytes, "endpoint");
        return buffer[..at];
    }

    /// <summary>The longest prefix of <paramref name="name"/> that fits the name field, cut between characters.</summary>
    public static string TruncateName(string name)
    {
        if (Encoding.UTF8.GetByteCount(name) <= MaxNameBytes)
        {
            return name;
        }

        var length = name.Length;
        while (length > 0 && Encoding.UTF8.GetByteCount(name.AsSpan(0, length)) > MaxNameBytes)
        {
            length--;
            if (length > 0 && char.IsLowSurrogate(name[length]))
            {
                length--;
            }
        }

        return name[..length];
    }

    /// <summary>Decodes a datagram; <paramref name="error"/> says why one was refused.</summary>
    public static bool TryDecode(
        ReadOnlySpan<byte> datagram,
        [NotNullWhen(true)] out DiscoveryPacket? packet,
        [NotNullWhen(false)] out string? error)
    {
        packet = null;
        if (datagram.Length > MaxPacketBytes)
        {
            error = $"oversized ({datagram.Length} bytes, limit {MaxPacketBytes})";
            return false;
        }

        if (datagram.Length < HeaderBytes)
        {
            error = $"truncated ({datagram.Length} bytes, header is {HeaderBytes})";
            return false;
        }

        if (!datagram[..4].SequenceEqual(Magic))
        {
            error = "wrong magic";
            return false;
        }

        if (datagram[4] != FormatVersion)
        {
            error = $"unsupported format version {datagram[4]}";
            return false;
        }

        var kind = (PacketKind)datagram[5];
        if (kind is not (PacketKind.Announce or PacketKind.Query or PacketKind.Goodbye))
        {
            error = $"unknown kind {datagram[5]}";
            return false;
        }

        if ((datagram[6] & ~DescribesNodeFlag) != 0 || datagram[7] != 0)
        {
            error = "unknown flags";
            return false;
        }

        var idBytes = datagram.Slice(8, 16);
        if (!idBytes.ContainsAnyExcept((byte)0))
        {
            error = "empty node id";
            return false;
        }

        var protocolVersion = BinaryPrimitives.ReadUInt16BigEndian(datagram[24..]);
        var validity = TimeSpan.FromMilliseconds(BinaryPrimitives.ReadUInt32BigEndian(datagram[26..]));
        if (validity < MinValidity || validity > MaxValidity)
        {
            error = "validity out of range";
            return false;
        }

        var reader = new FieldReader(datagram[HeaderBytes..]);
        if (!reader.TryReadText(MaxNameBytes, utf8: true, out var name) || name.Length == 0 || name.Any(char.IsControl)
            || !reader.TryReadText(MaxFingerprintBytes, utf8: true, out var fingerprint) || fingerprint.Any(char.IsControl)
            || !reader.TryReadList(MaxCapabilities, MaxCapabilityBytes, out var capabilities)
            || !reader.TryReadList(MaxEndpoints, MaxEndpointBytes, out var endpointTexts))
        {
            error = "malformed or over-long field";
            return false;
        }

        if (!reader.AtEnd)
        {
            error = "trailing bytes";
            return false;
        }

        var endpoints = new Endpoint[endpointTexts.Length];
        for (var i = 0; i < endpoints.Length; i++)
        {
            if (!Endpoint.TryParse(endpointTexts[i], out var endpoint, out _) || !endpoint.IsNetwork)
            {
                error = "invalid endpoint";
                return false;
            }

            endpoints[i] = endpoint;
        }

        packet = new DiscoveryPacket(
            kind,
            NodeId.Parse(Convert.ToHexStringLower(idBytes)),
            (datagram[6] & DescribesNodeFlag) != 0,
            name,
            endpoints,
            capabilities,
            fingerprint.Length == 0 ? null : fingerprint,
            protocolVersion,
            validity);
        error = null;
        return true;
    }

    private static int WriteString(Span<byte> destination, string value, int maxBytes, string what)
    {
        var count = Encoding.UTF8.GetByteCount(value);
        if (count > maxBytes)
        {
            throw new ArgumentException($"The {what} '{value}' is longer than {maxBytes} bytes.");
        }

        destination[0] = (byte)count;
        Encoding.UTF8.GetBytes(value, destination[1..]);
        return 1 + count;
    }

    private static int WriteList(Span<byte> destination, IReadOnlyList<string> values, int maxCount, int maxBytes, string what)
    {
        if (values.Count > maxCount)
        {
            throw new ArgumentException($"At most {maxCount} {what}s fit in a discovery packet; got {values.Count}.");
        }

        destination[0] = (byte)values.Count;
        var at = 1;
        foreach (var value in values)
        {
            if (value.Length == 0 || !IsPrintableAscii(value))
            {
                throw new ArgumentException($"The {what} '{value}' must be printable ASCII without spaces.");
            }

            at += WriteString(destination[at..], value, maxBytes, what);
        }

        return at;
    }

    private static bool IsPrintableAscii(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is <= ' ' or > '~')
            {
                return false;
            }
        }

        return true;
    }

    private ref struct FieldReader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> data = data;
        private int at;

        public readonly bool AtEnd => at == data.Length;

        public bool TryReadText(int maxBytes, bool utf8, out string text)
        {
            text = string.Empty;
            if (at >= data.Length)
            {
                return false;
            }

            int length = data[at];
            if (length > maxBytes || at + 1 + length > data.Length)
            {
                return false;
            }

            var bytes = data.Slice(at + 1, length);
            at += 1 + length;
            if (!utf8)
            {
                foreach (var b in bytes)
                {
                    if (b is <= (byte)' ' or > (byte)'~')
                    {
                        return false;
                    }
                }

                text = Encoding.ASCII.GetString(bytes);
                return true;
            }

            try
            {
                text = StrictUtf8.GetString(bytes);
                return true;
            }
            catch (DecoderFallbackException)
            {
                return false;
            }
        }

        public bool TryReadList(int maxCount, int maxBytes, out string[] values)
        {
            values = [];
            if (at >= data.Length || data[at] > maxCount)
            {
                return false;
            }

            var list = new string[data[at++]];
            for (var i = 0; i < list.Length; i++)
            {
                if (!TryReadText(maxBytes, utf8: false, out list[i]) || list[i].Length == 0)
                {
                    return false;
                }
            }

            values = list;
            return true;
        }
    }
}
