using System.IO.Pipelines;
using ShareKit.Sdk;
using ShareKit.Security.Encrypted.Identity;
using ShareKit.Security.Encrypted.Noise;
using ShareKit.Security.Encrypted.Trust;

namespace ShareKit.Security.Encrypted.Handshake;

/// <summary>
/// Runs ShareKit's handshake over a connection: Noise XX (or XXpsk3 with a pairing key), the hello of each side in
/// the encrypted payloads, the trust check on the peer's key, and the responder's verdict.
/// </summary>
internal static class NoiseHandshake
{
    /// <summary>Bound into the handshake hash: both sides must run this protocol and version.</summary>
    public static ReadOnlySpan<byte> Prologue => "ShareKit encrypted v1"u8;

    public static async ValueTask<HandshakeOutcome> RunAsync(
        IDuplexPipe wire,
        ConnectionRole role,
        LocalIdentity identity,
        NodeIdentity self,
        KnownPeers knownPeers,
        TrustMode trustMode,
        byte[]? pairingKey,
        CancellationToken ct)
    {
        var protocol = pairingKey is null ? NoiseProtocol.XXAesGcm : NoiseProtocol.XXpsk3AesGcm;
        using var state = new HandshakeState(protocol, role == ConnectionRole.Initiator, Prologue, identity.KeyPair, default, pairingKey);
        var message = new byte[HandshakeFraming.MaxMessageLength];
        var payload = new byte[HandshakeFraming.MaxMessageLength];
        var hello = new byte[HandshakeHello.MaxLength];
        var helloLength = new HandshakeHello(self.Id, self.Name).WriteTo(hello);

        HandshakeHello peer;
        if (role == ConnectionRole.Initiator)
        {
            await SendAsync(state, wire.Output, default, message, ct).ConfigureAwait(false);
            peer = await ReceiveHelloAsync(state, wire.Input, message, payload, ct).ConfigureAwait(false);
            var peerKey = state.RemoteStaticPublicKey!.Value.ToArray();

            // The initiator learns the responder's key first, so it refuses before revealing its own hello. With a
            // pairing code the key is judged after the verdict, which proves the responder holds the same code.
            var decision = pairingKey is null
                ? knownPeers.Check(peer.NodeId, peer.Name, peerKey, trustMode, paired: false)
                : TrustDecision.Paired;
            await SendAsync(state, wire.Output, hello.AsMemory(0, helloLength), message, ct).ConfigureAwait(false);
            var (send, receive) = state.Split();
            try
            {
                await ReceiveVerdictAsync(receive, wire.Input, peer, message, payload, ct).ConfigureAwait(false);
            }
            catch
            {
                send.Dispose();
                receive.Dispose();
                throw;
            }

            if (pairingKey is not null)
            {
                // The verdict decrypted, so the responder holds the same pairing key: pin on that basis.
                decision = knownPeers.Check(peer.NodeId, peer.Name, peerKey, trustMode, paired: true);
            }

            return new HandshakeOutcome(send, receive, peerKey, peer, decision);
        }
        else
        {
            // Message 1 is the ephemeral key and an empty payload, which psk patterns already encrypt (a bare tag).
            var expected = KeyPair.Length + (pairingKey is null ? 0 : CipherState.TagLength);
            var firstLength = await HandshakeFraming.ReadAsync(wire.Input, message, ct).ConfigureAwait(false);
            if (firstLength != expected)
            {
                throw new ProtocolException(
                    $"This is not a ShareKit encrypted handshake: the first message is {firstLength} bytes, not {expected}.");
            }

            state.ReadMessage(message.AsSpan(0, firstLength), payload);
            await SendAsync(state, wire.Output, hello.AsMemory(0, helloLength), message, ct).ConfigureAwait(false);
            peer = await ReceiveHelloAsync(state, wire.Input, message, payload, ct).ConfigureAwait(false);
            var peerKey = state.RemoteStaticPublicKey!.Value.ToArray();
            var (send, receive) = state.Split();
            try
            {
                TrustDecision decision;
                try
                {
                    decision = knownPeers.Check(peer.NodeId, peer.Name, peerKey, trustMode, paired: pairingKey is not null);
                }
                catch (TrustException e)
                {
                    var verdict = e is PeerKeyChangedException ? HandshakeVerdict.RefusedKeyChanged : HandshakeVerdict.RefusedUnknownPeer;
                    await SendVerdictAsync(send, wire.Output, verdict, message, ct).ConfigureAwait(false);
                    throw;
                }

                await SendVerdictAsync(send, wire.Output, HandshakeVerdict.Accepted, message, ct).ConfigureAwait(false);
                return new HandshakeOutcome(send, receive, peerKey, peer, decision);
            }
            catch
            {
                send.Dispose();
                receive.Dispose();
                throw;
            }
        }
    }

    private static async ValueTask SendAsync(HandshakeState state, PipeWriter output, ReadOnlyMemory<byte> payload, byte[] message, CancellationToken ct)
    {
        var length = state.WriteMessage(payload.Span, message);
        await HandshakeFraming.WriteAsync(output, message.AsMemory(0, length), ct).ConfigureAwait(false);
    }

    private static async ValueTask<HandshakeHello> ReceiveHelloAsync(HandshakeState state, PipeReader input, byte[] message, byte[] payload, CancellationToken ct)
    {
        var length = await HandshakeFraming.ReadAsync(input, message, ct).ConfigureAwait(false);
        var payloadLength = state.ReadMessage(message.AsSpan(0, length), payload);
        return HandshakeHello.Parse(payload.AsSpan(0, payloadLength));
    }

    private static async ValueTask SendVerdictAsync(CipherState send, PipeWriter output, HandshakeVerdict verdict, byte[] message, CancellationToken ct)
    {
        var length = send.EncryptWithAd(default, [(byte)verdict], message);
        await HandshakeFraming.WriteAsync(output, message.AsMemory(0, length), ct).ConfigureAwait(false);
    }

    private static async ValueTask ReceiveVerdictAsync(CipherState receive, PipeReader input, HandshakeHello peer, byte[] message, byte[] payload, CancellationToken ct)
    {
        int length;
        try
        {
            length = await HandshakeFraming.ReadAsync(input, message, ct).ConfigureAwait(false);
        }
        catch (ProtocolException e)
        {
            throw new ProtocolException(
                $"Peer '{peer.Name}' closed the connection at the end of the handshake without an answer; a pairing code that did not match, " +
                "or an interrupted connection, looks like this.",
                e);
        }

        if (!receive.TryDecryptWithAd(default, message.AsSpan(0, length), payload, out var verdictLength) || verdictLength != 1)
        {
            throw new ProtocolException(
                $"The answer from peer '{peer.Name}' at the end of the handshake did not authenticate: the keys do not match " +
                "(a pairing code that did not match, or the data was altered on the way).");
        }

        var signedBy = $"'{peer.Name}' ({peer.NodeId})";
        switch ((HandshakeVerdict)payload[0])
        {
            case HandshakeVerdict.Accepted:
                return;
            case HandshakeVerdict.RefusedKeyChanged:
                throw new TrustException(
                    $"Peer {signedBy} refused this node: it has a different key pinned for this node's id. If this node's identity was " +
                    "recreated, its owner must accept the new fingerprint (`sharekit identity` here, `sharekit trust <fingerprint>` there).");
            case HandshakeVerdict.RefusedUnknownPeer:
                throw new TrustException(
                    $"Peer {signedBy} refused this node: it accepts only peers it already knows. Its owner must accept this node's " +
                    "fingerprint (`sharekit identity` here, `sharekit trust <fingerprint>` there), or pair with a code.");
            default:
                throw new ProtocolException($"Peer {signedBy} answered the handshake with an unknown verdict {payload[0]}.");
        }
    }
}
