using System.Security.Cryptography;
using ShareKit.Sdk;

namespace ShareKit.Security.Encrypted.Noise;

/// <summary>
/// Noise's HandshakeState (spec §5.3) for one side of one handshake. Call <see cref="WriteMessage"/> and
/// <see cref="ReadMessage"/> in the pattern's order; when <see cref="IsCompleted"/>, take the transport keys with
/// <see cref="Split"/>.
/// </summary>
internal sealed class HandshakeState : IDisposable
{
    private readonly NoiseProtocol protocol;
    private readonly SymmetricState symmetric;
    private readonly bool initiator;
    private readonly KeyPair? localStatic;
    private readonly byte[]? psk;
    private KeyPair? localEphemeral;
    private byte[]? remoteStatic;
    private byte[]? remoteEphemeral;
    private int messageIndex;

    /// <param name="protocol">The protocol both sides run.</param>
    /// <param name="initiator">Whether this side sends the first message.</param>
    /// <param name="prologue">Data both sides must agree on; a difference makes the handshake fail.</param>
    /// <param name="localStatic">This side's static key pair, if the pattern uses one.</param>
    /// <param name="remoteStatic">The peer's static public key, if the pattern has it as a pre-message (IK).</param>
    /// <param name="psk">The 32-byte pre-shared key for psk patterns.</param>
    /// <param name="localEphemeral">A fixed ephemeral key; only test vectors pass one, otherwise it is random.</param>
    public HandshakeState(
        NoiseProtocol protocol,
        bool initiator,
        ReadOnlySpan<byte> prologue,
        KeyPair? localStatic = null,
        ReadOnlySpan<byte> remoteStatic = default,
        ReadOnlySpan<byte> psk = default,
        KeyPair? localEphemeral = null)
    {
        this.protocol = protocol;
        this.initiator = initiator;
        this.localStatic = localStatic;
        this.localEphemeral = localEphemeral;
        if (!remoteStatic.IsEmpty)
        {
            this.remoteStatic = remoteStatic.ToArray();
        }

        if (protocol.Pattern.HasPsk)
        {
            if (psk.Length != 32)
            {
                throw new ArgumentException("A psk pattern needs a 32-byte pre-shared key.", nameof(psk));
            }

            this.psk = psk.ToArray();
        }

        symmetric = new SymmetricState(protocol.Name, protocol.Cipher);
        symmetric.MixHash(prologue);
        foreach (var _ in protocol.Pattern.InitiatorPreMessage)
        {
            symmetric.MixHash(initiator ? RequireLocalStatic().PublicKey : RequireRemoteStatic());
        }

        foreach (var _ in protocol.Pattern.ResponderPreMessage)
        {
            symmetric.MixHash(initiator ? RequireRemoteStatic() : RequireLocalStatic().PublicKey);
        }
    }

    public bool IsCompleted => messageIndex == protocol.Pattern.Messages.Count;

    /// <summary>Whether the next message is ours to write.</summary>
    public bool IsMyTurn => (messageIndex % 2 == 0) == initiator;

    /// <summary>The peer's static public key once received (or given), else null.</summary>
    public ReadOnlyMemory<byte>? RemoteStaticPublicKey => remoteStatic;

    public ReadOnlySpan<byte> HandshakeHash => symmetric.HandshakeHash;

    /// <summary>The largest message this side could send for a payload of <paramref name="payloadLength"/> bytes.</summary>
    public static int MaxMessageLength(int payloadLength) => (2 * KeyPair.Length) + (2 * CipherState.TagLength) + payloadLength;

    /// <summary>Writes the next handshake message carrying <paramref name="payload"/>; returns its length.</summary>
    public int WriteMessage(ReadOnlySpan<byte> payload, Span<byte> message)
    {
        if (IsCompleted || !IsMyTurn)
        {
            throw new InvalidOperationException("It is not this side's turn to write a handshake message.");
        }

        var written = 0;
        foreach (var token in protocol.Pattern.Messages[messageIndex])
        {
            switch (token)
            {
                case HandshakeToken.E:
                    localEphemeral ??= KeyPair.Generate();
                    localEphemeral.PublicKey.CopyTo(message[written..]);
                    written += KeyPair.Length;
                    symmetric.MixHash(localEphemeral.PublicKey);
                    if (protocol.Pattern.HasPsk)
                    {
                        symmetric.MixKey(localEphemeral.PublicKey);
                    }

                    break;
                case HandshakeToken.S:
                    written += symmetric.EncryptAndHash(RequireLocalStatic().PublicKey, message[written..]);
                    break;
                case HandshakeToken.Psk:
                    symmetric.MixKeyAndHash(psk);
                    break;
                default:
                    MixDiffieHellman(token);
                    break;
            }
        }

        written += symmetric.EncryptAndHash(payload, message[written..]);
        messageIndex++;
        return written;
    }

    /// <summary>Reads the peer's next handshake message into <paramref name="payload"/>; returns the payload length.</summary>
    /// <exception cref="ProtocolException">The message is malformed or fails authentication.</exception>
    public int ReadMessage(ReadOnlySpan<byte> message, Span<byte> payload)
    {
        if (IsCompleted || IsMyTurn)
        {
            throw new InvalidOperationException("It is not this side's turn to read a handshake message.");
        }

        var read = 0;
        foreach (var token in protocol.Pattern.Messages[messageIndex])
        {
            switch (token)
            {
                case HandshakeToken.E:
                    remoteEphemeral = Take(message, ref read, KeyPair.Length).ToArray();
                    symmetric.MixHash(remoteEphemeral);
                    if (protocol.Pattern.HasPsk)
                    {
                        symmetric.MixKey(remoteEphemeral);
                    }

                    break;
                case HandshakeToken.S:
                    var sealedKey = Take(message, ref read, KeyPair.Length + (symmetric.Cipher.HasKey ? CipherState.TagLength : 0));
                    var key = new byte[KeyPair.Length];
                    if (!symmetric.TryDecryptAndHash(sealedKey, key, out _))
                    {
                        throw Failed("the peer's static key");
                    }

                    remoteStatic = key;
                    break;
                case HandshakeToken.Psk:
                    symmetric.MixKeyAndHash(psk);
                    break;
                default:
                    MixDiffieHellman(token);
                    break;
            }
        }

        if (!symmetric.TryDecryptAndHash(message[read..], payload, out var payloadLength))
        {
            throw Failed("the handshake payload");
        }

        messageIndex++;
        return payloadLength;
    }

    /// <summary>The transport cipher states for this side: one to send with, one to receive with.</summary>
    public (CipherState Send, CipherState Receive) Split()
    {
        if (!IsCompleted)
        {
            throw new InvalidOperationException("The handshake is not complete.");
        }

        var (initiatorToResponder, responderToInitiator) = symmetric.Split();
        return initiator ? (initiatorToResponder, responderToInitiator) : (responderToInitiator, initiatorToResponder);
    }

    public void Dispose()
    {
        symmetric.Dispose();
        localEphemeral?.Dispose();
        if (psk is not null)
        {
            CryptographicOperations.ZeroMemory(psk);
        }
    }

    private static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> message, ref int read, int length)
    {
        if (message.Length - read < length)
        {
            throw new ProtocolException($"The handshake message is too short ({message.Length} bytes).");
        }

        var slice = message.Slice(read, length);
        read += length;
        return slice;
    }

    private static ProtocolException Failed(string what) =>
        new($"The handshake failed: {what} did not authenticate (a different protocol, prologue or pairing code, or the data was altered).");

    private void MixDiffieHellman(HandshakeToken token)
    {
        var (local, remote) = token switch
        {
            HandshakeToken.EE => (localEphemeral, remoteEphemeral),
            HandshakeToken.SS => (localStatic, remoteStatic),
            HandshakeToken.ES => initiator ? (localEphemeral, remoteStatic) : (localStatic, remoteEphemeral),
            HandshakeToken.SE => initiator ? (localStatic, remoteEphemeral) : (localEphemeral, remoteStatic),
            _ => throw new InvalidOperationException($"Unexpected token {token}."),
        };
        if (local is null || remote is null)
        {
            throw new InvalidOperationException($"The {token} token needs a key this side does not have.");
        }

        Span<byte> shared = stackalloc byte[KeyPair.Length];
        if (!local.TryAgree(remote, shared))
        {
            throw new ProtocolException("The handshake failed: the peer sent an invalid public key.");
        }

        symmetric.MixKey(shared);
        CryptographicOperations.ZeroMemory(shared);
    }

    private KeyPair RequireLocalStatic() =>
        localStatic ?? throw new InvalidOperationException($"{protocol.Name} needs this side's static key.");

    private byte[] RequireRemoteStatic() =>
        remoteStatic ?? throw new InvalidOperationException($"{protocol.Name} needs the peer's static key in advance.");
}
