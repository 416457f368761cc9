namespace ShareKit.Sdk;

/// <summary>Why an authenticating layer accepted a peer (see <see cref="PeerIdentity.Trust"/>).</summary>
public enum PeerTrust
{
    /// <summary>The layer did not say (or authenticates without a trust store).</summary>
    Unspecified,

    /// <summary>First contact: the peer's key was pinned now (trust on first use). Show it to the user as a new peer.</summary>
    NewlyPinned,

    /// <summary>The peer presented the key pinned for it earlier.</summary>
    Known,

    /// <summary>The peer proved it knew a pairing code typed on both sides; its key is pinned now.</summary>
    Paired,
}
