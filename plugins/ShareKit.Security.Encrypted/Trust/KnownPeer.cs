namespace ShareKit.Security.Encrypted.Trust;

/// <summary>A peer key in the known-peers file: pinned (trusted) or refused (waiting for <c>sharekit trust &lt;fingerprint&gt;</c>).</summary>
/// <param name="NodeId">The node id the peer claimed in its handshake (32 hex digits).</param>
/// <param name="Name">The display name it claimed.</param>
/// <param name="PublicKey">Its X25519 public key, base64.</param>
/// <param name="Fingerprint">The key's fingerprint.</param>
/// <param name="Since">When it was pinned or last refused.</param>
public sealed record KnownPeer(string NodeId, string Name, string PublicKey, string Fingerprint, DateTimeOffset Since);
