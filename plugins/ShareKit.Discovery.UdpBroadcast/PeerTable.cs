using System.Threading.Channels;
using ShareKit.Sdk;

namespace ShareKit.Discovery.UdpBroadcast;

/// <summary>
/// The nodes seen so far, per receiving interface, with their expiry, and the browsers watching them. A node
/// heard on several interfaces (several LANs) is one entry whose endpoints are the union of what each LAN told us.
/// Thread-safe; sightings are delivered to each browser through its own bounded channel.
/// </summary>
internal sealed class PeerTable(string source, TimeProvider time)
{
    /// <summary>Most nodes remembered at once, so a flood of invented node ids cannot grow memory without bound.</summary>
    public const int MaxPeers = 1024;

    private readonly Lock gate = new();
    private readonly Dictionary<NodeId, Peer> peers = [];
    private readonly List<Channel<NodeSighting>> browsers = [];

    /// <summary>Records a packet describing <paramref name="node"/> heard on interface <paramref name="interfaceIndex"/>.</summary>
    /// <returns>False when the table is full and the node is new (the packet is dropped).</returns>
    public bool Observe(NodeAnnouncement node, int interfaceIndex, TimeSpan validity)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (!peers.TryGetValue(node.Id, out var peer))
            {
                if (peers.Count >= MaxPeers)
                {
                    return false;
                }

                peer = new Peer(node);
                peers.Add(node.Id, peer);
                peer.Links[interfaceIndex] = new Link(node.Endpoints, now + validity);
                peer.Merged = Merge(node, peer.Links);
                peer.LastPublished = now;
                Publish(new NodeSighting(SightingKind.Appeared, peer.Merged, source, now));
                return true;
            }

            peer.Latest = node;
            peer.Links[interfaceIndex] = new Link(node.Endpoints, now + validity);
            var merged = Merge(node, peer.Links);
            if (!SameDetails(merged, peer.Merged) || now - peer.LastPublished >= validity / 3)
            {
                peer.Merged = merged;
                peer.LastPublished = now;
                Publish(new NodeSighting(SightingKind.Updated, merged, source, now));
            }

            return true;
        }
    }

    /// <summary>Forgets a node that said goodbye.</summary>
    public void Remove(NodeId id)
    {
        lock (gate)
        {
            if (peers.Remove(id, out var peer))
            {
                Publish(new NodeSighting(SightingKind.Vanished, peer.Merged, source, time.GetUtcNow()));
            }
        }
    }

    /// <summary>Drops what was not heard from in time.</summary>
    /// <returns>When the next entry would expire (or null when the table is empty).</returns>
    public DateTimeOffset? Expire()
    {
        var now = time.GetUtcNow();
        DateTimeOffset? next = null;
        lock (gate)
        {
            List<NodeId>? gone = null;
            foreach (var (id, peer) in peers)
            {
                var before = peer.Links.Count;
                foreach (var index in peer.Links.Where(l => l.Value.Expires <= now).Select(l => l.Key).ToList())
                {
                    peer.Links.Remove(index);
                }

                if (peer.Links.Count == 0)
                {
                    (gone ??= []).Add(id);
                    continue;
                }

                if (peer.Links.Count != before)
                {
                    peer.Merged = Merge(peer.Latest, peer.Links);
                    peer.LastPublished = now;
                    Publish(new NodeSighting(SightingKind.Updated, peer.Merged, source, now));
                }

                foreach (var link in peer.Links.Values)
                {
                    next = next is null || link.Expires < next ? link.Expires : next;
                }
            }

            foreach (var id in gone ?? [])
            {
                peers.Remove(id, out var peer);
                Publish(new NodeSighting(SightingKind.Vanished, peer!.Merged, source, now));
            }
        }

        return next;
    }

    /// <summary>A new browser: it first gets every known node as <see cref="SightingKind.Appeared"/>, then changes.</summary>
    public ChannelReader<NodeSighting> Subscribe()
    {
        var channel = Channel.CreateBounded<NodeSighting>(new BoundedChannelOptions(1024)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (gate)
        {
            var now = time.GetUtcNow();
            foreach (var peer in peers.Values)
            {
                channel.Writer.TryWrite(new NodeSighting(SightingKind.Appeared, peer.Merged, source, now));
            }

            browsers.Add(channel);
        }

        return channel.Reader;
    }

    public void Unsubscribe(ChannelReader<NodeSighting> reader)
    {
        lock (gate)
        {
            browsers.RemoveAll(c => c.Reader == reader);
        }
    }

    /// <summary>Ends every browser's stream (on dispose).</summary>
    public void Complete()
    {
        lock (gate)
        {
            foreach (var browser in browsers)
            {
                browser.Writer.TryComplete();
            }

            browsers.Clear();
        }
    }

    private static NodeAnnouncement Merge(NodeAnnouncement latest, SortedDictionary<int, Link> links)
    {
        if (links.Count == 1)
        {
            return latest with { Endpoints = links.Values.First().Endpoints };
        }

        var endpoints = new List<Endpoint>();
        foreach (var link in links.Values)
        {
            foreach (var endpoint in link.Endpoints)
            {
                if (!endpoints.Contains(endpoint))
                {
                    endpoints.Add(endpoint);
                }
            }
        }

        return latest with { Endpoints = endpoints };
    }

    private static bool SameDetails(NodeAnnouncement a, NodeAnnouncement b) =>
        a.Name == b.Name
        && a.Fingerprint == b.Fingerprint
        && a.ProtocolVersion == b.ProtocolVersion
        && a.Endpoints.SequenceEqual(b.Endpoints)
        && a.Capabilities.SequenceEqual(b.Capabilities, StringComparer.Ordinal);

    private void Publish(NodeSighting sighting)
    {
        foreach (var browser in browsers)
        {
            browser.Writer.TryWrite(sighting);
        }
    }

    private sealed class Peer(NodeAnnouncement node)
    {
        public NodeAnnouncement Latest { get; set; } = node;

        public NodeAnnouncement Merged { get; set; } = node;

        public DateTimeOffset LastPublished { get; set; }

        public SortedDictionary<int, Link> Links { get; } = [];
    }

    private readonly record struct Link(IReadOnlyList<Endpoint> Endpoints, DateTimeOffset Expires);
}
