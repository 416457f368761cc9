using ShareKit.Sdk;
using ShareKit.Security.Encrypted.Trust;

namespace ShareKit.Security.Encrypted;

/// <summary>
/// What the encrypted layer learned about the peer beyond <see cref="IConnection.Peer"/>: the node id and name it
/// claimed in the handshake (bound to its authenticated key) and why it was trusted.
/// </summary>
public interface IAuthenticatedPeerInfo
{
    /// <summary>The peer's node id.</summary>
    NodeId PeerNodeId { get; }

    /// <summary>The peer's display name (control characters replaced).</summary>
    string PeerName { get; }

    /// <summary>Why the peer was accepted; <see cref="TrustDecision.NewlyPinned"/> should be shown as "new peer &lt;name&gt; &lt;fingerprint&gt;".</summary>
    TrustDecision TrustDecision { get; }
}
