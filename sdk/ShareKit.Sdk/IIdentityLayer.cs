namespace ShareKit.Sdk;

/// <summary>
/// An optional capability of a connection layer that authenticates nodes by long-term keys (e.g. <c>encrypted</c>):
/// this node's fingerprint and the trust store, for <c>sharekit identity</c> and <c>sharekit trust</c>.
/// </summary>
public interface IIdentityLayer
{
    /// <summary>This node's key fingerprint, in short groups for people to compare.</summary>
    string LocalFingerprint { get; }

    /// <summary>Peers whose keys are pinned, and keys that were refused because they differed from the pinned one.</summary>
    IReadOnlyList<KnownPeerInfo> KnownPeers { get; }

    /// <summary>Pins the key with <paramref name="fingerprint"/> (a refused key, deliberately accepted); false if no such key was seen.</summary>
    bool Trust(string fingerprint);

    /// <summary>Forgets the key pinned for <paramref name="nodeId"/>, so the next contact is a first contact; false if none was pinned.</summary>
    bool Forget(NodeId nodeId);
}

/// <summary>A peer in the trust store.</summary>
/// <param name="NodeId">The peer's node id.</param>
/// <param name="Name">Its display name when it was seen.</param>
/// <param name="Fingerprint">Its key's fingerprint.</param>
/// <param name="Since">When the key was pinned or refused.</param>
/// <param name="Refused">True for a key that was refused because another key is pinned for that node.</param>
public sealed record KnownPeerInfo(NodeId NodeId, string Name, string Fingerprint, DateTimeOffset Since, bool Refused);
