using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Agreement.JPake;
using ShareKit.Sdk;
using ShareKit.Security.Encrypted.Handshake;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace ShareKit.Security.Encrypted.Pairing;

/// <summary>
/// J-PAKE (RFC 8236, BouncyCastle, NIST 3072-bit group) over the connection before the Noise handshake: three
/// rounds, both sides sending then receiving, the third being key confirmation. Both sides end with the same key only
/// if they typed the same code; that key becomes the Noise XXpsk3 pre-shared key.
/// </summary>
internal static class PairingExchange
{
    public const int MaxMessageLength = 8192;

    private static ReadOnlySpan<byte> PskInfo => "ShareKit pairing psk v1"u8;

    public static async ValueTask<byte[]> RunAsync(IDuplexPipe wire, ConnectionRole role, string code, CancellationToken ct)
    {
        var me = role == ConnectionRole.Initiator ? "sharekit-initiator" : "sharekit-responder";
        var peer = role == ConnectionRole.Initiator ? "sharekit-responder" : "sharekit-initiator";
        var participant = new JPakeParticipant(me, PairingCode.Normalize(code).ToCharArray(), JPakePrimeOrderGroups.NIST_3072);
        var buffer = new byte[MaxMessageLength];

        var round1 = participant.CreateRound1PayloadToSend();
        await SendAsync(wire.Output, [[round1.Gx1], [round1.Gx2], round1.KnowledgeProofForX1, round1.KnowledgeProofForX2], ct).ConfigureAwait(false);
        var received1 = await ReceiveAsync(wire.Input, buffer, 4, ct).ConfigureAwait(false);
        Validate(() => participant.ValidateRound1PayloadReceived(
            new JPakeRound1Payload(peer, Single(received1[0]), Single(received1[1]), received1[2], received1[3])));

        var round2 = participant.CreateRound2PayloadToSend();
        await SendAsync(wire.Output, [[round2.A], round2.KnowledgeProofForX2s], ct).ConfigureAwait(false);
        var received2 = await ReceiveAsync(wire.Input, buffer, 2, ct).ConfigureAwait(false);
        Validate(() => participant.ValidateRound2PayloadReceived(new JPakeRound2Payload(peer, Single(received2[0]), received2[1])));

        var keyingMaterial = participant.CalculateKeyingMaterial();
        var round3 = participant.CreateRound3PayloadToSend(keyingMaterial);
        await SendAsync(wire.Output, [[round3.MacTag]], ct).ConfigureAwait(false);
        var received3 = await ReceiveAsync(wire.Input, buffer, 1, ct).ConfigureAwait(false);
        try
        {
            participant.ValidateRound3PayloadReceived(new JPakeRound3Payload(peer, Single(received3[0])), keyingMaterial);
        }
        catch (CryptoException e)
        {
            throw new TrustException(
                "The pairing code did not match. Check that both sides typed the same code (a new one is needed for each try) and try again.", e);
        }

        var secret = keyingMaterial.ToByteArrayUnsigned();
        var psk = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, salt: [], info: PskInfo.ToArray());
        CryptographicOperations.ZeroMemory(secret);
        return psk;
    }

    private static void Validate(Action validate)
    {
        try
        {
            validate();
        }
        catch (CryptoException e)
        {
            throw new ProtocolException($"The peer's pairing message is invalid ({e.Message}).", e);
        }
    }

    private static BigInteger Single(BigInteger[] values) =>
        values.Length == 1 ? values[0] : throw new ProtocolException("A pairing message has the wrong shape.");

    // A message is a list of groups of numbers: [groups][per group: count, then per number: 2-byte length + bytes].
    private static async ValueTask SendAsync(PipeWriter output, BigInteger[][] groups, CancellationToken ct)
    {
        var writer = new ArrayBufferWriter<byte>();
        writer.Write([(byte)groups.Length]);
        foreach (var group in groups)
        {
            writer.Write([(byte)group.Length]);
            foreach (var value in group)
            {
                var bytes = value.ToByteArray();
                BinaryPrimitives.WriteUInt16BigEndian(writer.GetSpan(2), (ushort)bytes.Length);
                writer.Advance(2);
                writer.Write(bytes);
            }
        }

        await HandshakeFraming.WriteAsync(output, writer.WrittenMemory, ct).ConfigureAwait(false);
    }

    private static async ValueTask<BigInteger[][]> ReceiveAsync(PipeReader input, byte[] buffer, int expectedGroups, CancellationToken ct)
    {
        var length = await HandshakeFraming.ReadAsync(input, buffer, ct, MaxMessageLength).ConfigureAwait(false);
        return Parse(buffer.AsSpan(0, length), expectedGroups);
    }

    private static BigInteger[][] Parse(ReadOnlySpan<byte> message, int expectedGroups)
    {
        var malformed = new ProtocolException("A pairing message is malformed; is the peer pairing with a code too?");
        if (message.Length < 1 || message[0] != expectedGroups)
        {
            throw malformed;
        }

        var groups = new BigInteger[expectedGroups][];
        var at = 1;
        for (var g = 0; g < expectedGroups; g++)
        {
            if (at >= message.Length || message[at] is 0 or > 4)
            {
                throw malformed;
            }

            var values = new BigInteger[message[at++]];
            for (var v = 0; v < values.Length; v++)
            {
                if (message.Length - at < 2)
                {
                    throw malformed;
                }

                var size = BinaryPrimitives.ReadUInt16BigEndian(message[at..]);
                at += 2;
                if (size == 0 || message.Length - at < size)
                {
                    throw malformed;
                }

                values[v] = new BigInteger(message.Slice(at, size).ToArray());
                at += size;
            }

            groups[g] = values;
        }

        return at == message.Length ? groups : throw malformed;
    }
}
