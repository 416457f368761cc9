namespace ShareKit.Sdk;

/// <summary>A peer authenticated by a connection layer: its public key and the fingerprint people compare.</summary>
public sealed class PeerIdentity : IEquatable<PeerIdentity>
{
    /// <summary>Makes an identity from a public key and its fingerprint.</summary>
    public PeerIdentity(ReadOnlyMemory<byte> publicKey, string fingerprint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fingerprint);
        PublicKey = publicKey;
        Fingerprint = fingerprint;
    }

    /// <summary>The peer's long-term public key.</summary>
    public ReadOnlyMemory<byte> PublicKey { get; }

    /// <summary>The key's fingerprint in short groups, as shown to people (e.g. <c>K7QF-2M4X-…</c>).</summary>
    public string Fingerprint { get; }

    /// <summary>The node id the peer proved it holds the key for, when the layer learned one.</summary>
    public NodeId? NodeId { get; init; }

    /// <summary>The display name the peer gave during authentication, when the layer learned one.</summary>
    public string? Name { get; init; }

    /// <summary>Why the layer accepted this peer (first contact, known key, pairing code).</summary>
    public PeerTrust Trust { get; init; }

    /// <summary>True when the peer was accepted by a key pinned earlier or by a pairing code, not on first contact.</summary>
    public bool IsKnown => Trust is PeerTrust.Known or PeerTrust.Paired;

    /// <inheritdoc />
    public bool Equals(PeerIdentity? other) => other is not null && PublicKey.Span.SequenceEqual(other.PublicKey.Span);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PeerIdentity);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Fingerprint);

    /// <inheritdoc />
    public override string ToString() => Fingerprint;
}
