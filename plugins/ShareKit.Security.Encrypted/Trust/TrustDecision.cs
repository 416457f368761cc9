namespace ShareKit.Security.Encrypted.Trust;

/// <summary>Why a peer was accepted.</summary>
public enum TrustDecision
{
    /// <summary>Its key was already pinned for its node id.</summary>
    Known,

    /// <summary>First contact: its key was pinned now (trust on first use). Show the user "new peer &lt;name&gt; &lt;fingerprint&gt;".</summary>
    NewlyPinned,

    /// <summary>Both sides typed the same pairing code; the key was pinned on that basis.</summary>
    Paired,
}
