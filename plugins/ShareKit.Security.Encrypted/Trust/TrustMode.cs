namespace ShareKit.Security.Encrypted.Trust;

/// <summary>How the layer treats a peer it has never seen (setting <c>trust</c>).</summary>
public enum TrustMode
{
    /// <summary>Trust on first use: pin the key of a new peer, refuse a changed key later (<c>tofu</c>, the default).</summary>
    Tofu,

    /// <summary>Accept only peers already pinned (by <c>sharekit trust</c> or a pairing code) (<c>pinned-only</c>).</summary>
    PinnedOnly,
}
