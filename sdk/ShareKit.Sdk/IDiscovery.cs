namespace ShareKit.Sdk;

/// <summary>Finds other nodes on the network and makes this one findable.</summary>
public interface IDiscovery : IAsyncDisposable
{
    /// <summary>
    /// Starts announcing <paramref name="self"/> and keeps doing so until disposed (disposing sends a goodbye
    /// where the mechanism has one). Calling it again replaces the announcement.
    /// </summary>
    ValueTask AnnounceAsync(NodeAnnouncement self, CancellationToken ct);

    /// <summary>
    /// Streams sightings of other nodes (never this node) until <paramref name="ct"/> is cancelled: an
    /// <see cref="SightingKind.Appeared"/> for each node already known, then changes as they happen.
    /// </summary>
    IAsyncEnumerable<NodeSighting> BrowseAsync(CancellationToken ct);
}

/// <summary>What a node tells the network about itself.</summary>
/// <param name="Id">The node's id.</param>
/// <param name="Name">Its display name.</param>
/// <param name="Endpoints">Where its peer endpoint can be reached.</param>
/// <param name="Capabilities">What it offers, e.g. <c>receive</c>, <c>library</c>, <c>encrypted</c>.</param>
/// <param name="Fingerprint">Its identity key's fingerprint, when it has one.</param>
/// <param name="ProtocolVersion">The ShareKit protocol major version it speaks.</param>
public sealed record NodeAnnouncement(
    NodeId Id,
    string Name,
    IReadOnlyList<Endpoint> Endpoints,
    IReadOnlyList<string> Capabilities,
    string? Fingerprint,
    int ProtocolVersion);

/// <summary>A change in what a discovery mechanism sees.</summary>
/// <param name="Kind">Appeared, updated or vanished.</param>
/// <param name="Node">The node as last announced.</param>
/// <param name="Source">The discovery mechanism's name (e.g. <c>mdns</c>).</param>
/// <param name="SeenAt">When this was observed.</param>
public sealed record NodeSighting(SightingKind Kind, NodeAnnouncement Node, string Source, DateTimeOffset SeenAt);

/// <summary>The kind of a <see cref="NodeSighting"/>.</summary>
public enum SightingKind
{
    /// <summary>A node seen for the first time (or again after it vanished).</summary>
    Appeared,

    /// <summary>A known node announced changed details, or was seen again.</summary>
    Updated,

    /// <summary>A node said goodbye or was not seen for too long.</summary>
    Vanished,
}
