using System.Threading.Channels;
using ShareKit.Sdk;

namespace ShareKit.Discovery.Mdns;

/// <summary>The resolved nodes and the browsers watching them: turns "this is what node X looks like now" into sightings.</summary>
internal sealed class NodeBoard(string source)
{
    private readonly Lock gate = new();
    private readonly Dictionary<NodeId, NodeAnnouncement> nodes = [];
    private readonly List<Channel<NodeSighting>> browsers = [];

    public void Set(NodeAnnouncement node)
    {
        lock (gate)
        {
            if (!nodes.TryGetValue(node.Id, out var known))
            {
                nodes[node.Id] = node;
                Publish(SightingKind.Appeared, node);
            }
            else if (!Same(known, node))
            {
                nodes[node.Id] = node;
                Publish(SightingKind.Updated, node);
            }
        }
    }

    public void Remove(NodeId id)
    {
        lock (gate)
        {
            if (nodes.Remove(id, out var node))
            {
                Publish(SightingKind.Vanished, node);
            }
        }
    }

    public ChannelReader<NodeSighting> Subscribe()
    {
        var channel = Channel.CreateBounded<NodeSighting>(new BoundedChannelOptions(1024)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (gate)
        {
            foreach (var node in nodes.Values)
            {
                channel.Writer.TryWrite(new NodeSighting(SightingKind.Appeared, node, source, DateTimeOffset.UtcNow));
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

    private static bool Same(NodeAnnouncement a, NodeAnnouncement b) =>
        a.Name == b.Name
        && a.Fingerprint == b.Fingerprint
        && a.ProtocolVersion == b.ProtocolVersion
        && a.Endpoints.SequenceEqual(b.Endpoints)
        && a.Capabilities.SequenceEqual(b.Capabilities, StringComparer.Ordinal);

    private void Publish(SightingKind kind, NodeAnnouncement node)
    {
        var sighting = new NodeSighting(kind, node, source, DateTimeOffset.UtcNow);
        foreach (var browser in browsers)
        {
            browser.Writer.TryWrite(sighting);
        }
    }
}
