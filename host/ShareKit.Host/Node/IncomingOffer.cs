using ShareKit.Host.Node.Messages;
using ShareKit.Sdk;

namespace ShareKit.Host.Node;

/// <summary>What the user is asked about when an offer arrives.</summary>
/// <param name="SenderName">The sender's display name (as it says; trust comes from <paramref name="Peer"/>).</param>
/// <param name="SenderNodeId">The sender's node id.</param>
/// <param name="Peer">The sender's authenticated identity (fingerprint), when a layer established one.</param>
/// <param name="RemoteEndpoint">Where the connection came from.</param>
/// <param name="Items">The offered items.</param>
public sealed record IncomingOffer(
    string SenderName,
    string SenderNodeId,
    PeerIdentity? Peer,
    Endpoint RemoteEndpoint,
    IReadOnlyList<OfferedItem> Items)
{
    /// <summary>The number of files (folders not counted).</summary>
    public int FileCount => Items.Count(i => i.Kind == ItemKind.File);

    /// <summary>The sum of all file sizes.</summary>
    public long TotalSize => Items.Sum(i => i.Size);
}
