namespace ShareKit.Security.Encrypted.Trust;

/// <summary>The known-peers file as stored.</summary>
internal sealed class KnownPeersDocument
{
    public int Version { get; set; } = 1;

    public List<KnownPeer> Pinned { get; set; } = [];

    public List<KnownPeer> Refused { get; set; } = [];
}
