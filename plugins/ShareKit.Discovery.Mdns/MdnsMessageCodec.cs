using System.Diagnostics.CodeAnalysis;
using Makaretu.Dns;

namespace ShareKit.Discovery.Mdns;

/// <summary>
/// Reading and writing mDNS messages on Makaretu.Dns's message model, with the checks a multicast listener needs
/// before trusting one: a size limit, a standard query/response opcode, no error code, and every parse failure of
/// the model (it throws many exception types) turned into a reason instead of an exception.
/// </summary>
internal static class MdnsMessageCodec
{
    /// <summary>RFC 6762 §17: a multicast DNS message is at most 9000 bytes.</summary>
    public const int MaxMessageBytes = 9000;

    public static bool TryRead(ReadOnlySpan<byte> datagram, [NotNullWhen(true)] out Message? message, [NotNullWhen(false)] out string? error)
    {
        message = null;
        if (datagram.Length > MaxMessageBytes)
        {
            error = $"oversized ({datagram.Length} bytes, limit {MaxMessageBytes})";
            return false;
        }

        if (datagram.Length < 12)
        {
            error = $"truncated ({datagram.Length} bytes, a DNS header is 12)";
            return false;
        }

        var parsed = new Message();
        try
        {
            var bytes = datagram.ToArray();
            parsed.Read(bytes, 0, bytes.Length);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            error = "malformed: " + e.GetType().Name;
            return false;
        }

        if (parsed.Opcode != MessageOperation.Query || parsed.Status != MessageStatus.NoError)
        {
            error = "not a standard query or response";
            return false;
        }

        message = parsed;
        error = null;
        return true;
    }

    /// <summary>The wire bytes of a message we built; null (and a reason) when it cannot be sent.</summary>
    public static byte[]? Write(Message message, out string? error)
    {
        try
        {
            var bytes = message.ToByteArray();
            error = bytes.Length > MaxMessageBytes ? $"the message is {bytes.Length} bytes, over {MaxMessageBytes}" : null;
            return error is null ? bytes : null;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException)
        {
            error = e.Message;
            return null;
        }
    }
}
