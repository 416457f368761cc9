using System.Text;
using ShareKit.Sdk;

namespace ShareKit.Security.Encrypted.Handshake;

/// <summary>
/// What each side says about itself inside the encrypted handshake (responder in message 2, initiator in message 3):
/// <c>[version 1][node id, 16 bytes][name length, 1 byte][name, UTF-8]</c>. The node id is how trust finds the pin
/// to compare the key with; it is only believed together with the key that the handshake authenticated.
/// </summary>
internal readonly record struct HandshakeHello(NodeId NodeId, string Name)
{
    public const int MaxLength = 1 + 16 + 1 + MaxNameBytes;
    private const byte Version = 1;
    private const int MaxNameBytes = 255;

    public int WriteTo(Span<byte> destination)
    {
        destination[0] = Version;
        Convert.FromHexString(NodeId.Value, destination.Slice(1, 16), out _, out _);
        var name = Truncate(Name);
        destination[17] = (byte)Encoding.UTF8.GetBytes(name, destination[18..]);
        return 18 + destination[17];
    }

    /// <exception cref="ProtocolException">The payload is not a hello this version understands.</exception>
    public static HandshakeHello Parse(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 18 || payload[0] != Version || payload.Length != 18 + payload[17])
        {
            throw new ProtocolException($"The peer's handshake hello is malformed ({payload.Length} bytes); is it a compatible ShareKit version?");
        }

        var nodeId = NodeId.Parse(Convert.ToHexStringLower(payload.Slice(1, 16)));
        string name;
        try
        {
            name = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(payload[18..]);
        }
        catch (DecoderFallbackException e)
        {
            throw new ProtocolException("The peer's name in its handshake hello is not valid UTF-8.", e);
        }

        // A name is shown to people and written to logs: no control characters from a stranger.
        return new HandshakeHello(nodeId, string.Concat(name.Select(c => char.IsControl(c) ? '?' : c)));
    }

    private static string Truncate(string name)
    {
        var result = name;
        while (Encoding.UTF8.GetByteCount(result) > MaxNameBytes)
        {
            result = result[..^1];
        }

        return result;
    }
}
