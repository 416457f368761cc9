using ShareKit.Security.Encrypted.Noise;
using ShareKit.Security.Encrypted.Trust;

namespace ShareKit.Security.Encrypted.Handshake;

/// <summary>A completed, trusted handshake: the transport keys and who the peer is.</summary>
internal sealed record HandshakeOutcome(
    CipherState Send,
    CipherState Receive,
    byte[] PeerPublicKey,
    HandshakeHello PeerHello,
    TrustDecision Decision);
