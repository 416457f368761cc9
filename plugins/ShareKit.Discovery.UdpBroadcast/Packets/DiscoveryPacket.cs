using ShareKit.Sdk;

namespace ShareKit.Discovery.UdpBroadcast.Packets;

/// <summary>One decoded discovery datagram.</summary>
/// <param name="Kind">Announce, query or goodbye.</param>
/// <param name="NodeId">The sender's node id (lets a node ignore its own packets).</param>
/// <param name="DescribesNode">
/// True when the packet describes an announced node; false for a query from a node that only browses, whose
/// name, endpoints and capabilities mean nothing.
/// </param>
/// <param name="Name">The sender's display name.</param>
/// <param name="Endpoints">Where its peer endpoint is reached from the LAN the packet was sent on.</param>
/// <param name="Capabilities">What it offers.</param>
/// <param name="Fingerprint">Its identity fingerprint, or null.</param>
/// <param name="ProtocolVersion">The ShareKit protocol major version it speaks.</param>
/// <param name="Validity">How long receivers keep the node without hearing from it again.</param>
internal sealed record DiscoveryPacket(
    PacketKind Kind,
    NodeId NodeId,
    bool DescribesNode,
    string Name,
    IReadOnlyList<Endpoint> Endpoints,
    IReadOnlyList<string> Capabilities,
    string? Fingerprint,
    int ProtocolVersion,
    TimeSpan Validity);
