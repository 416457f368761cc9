using ShareKit.Sdk;

namespace ShareKit.Host.Runtime;

/// <summary>
/// The peers seen by all discovery mechanisms, one row per node id: a node seen by UDP broadcast and by mDNS is
/// one peer with both sources. Thread-safe; fed with sightings, read as snapshots.
/// </summary>
internal sealed class PeerDirectory
{
    private readonly Dictionary<NodeId, Dictionary<string, NodeSighting>> bySource = [];
    private readonly Lock gate = new();

    /// <summary>Applies one sighting; returns true when the table changed.</summary>
    public bool Apply(NodeSighting sighting)
    {
        lock (gate)
        {
            var id = sighting.Node.Id;
            if (sighting.Kind == SightingKind.Vanished)
            {
                if (!bySource.TryGetValue(id, out var sources) || !sources.Remove(sighting.Source))
                {
                    return false;
                }

                if (sources.Count == 0)
                {
                    bySource.Remove(id);
                }

                return true;
            }

            if (!bySource.TryGetValue(id, out var known))
            {
                bySource[id] = known = new Dictionary<string, NodeSighting>(StringComparer.OrdinalIgnoreCase);
            }

            known[sighting.Source] = sighting;
            return true;
        }
    }

    /// <summary>The current peers, by name then id.</summary>
    public IReadOnlyList<Peer> Snapshot()
    {
        lock (gate)
        {
            return [.. bySource.Values.Select(Merge).OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Id.Value, StringComparer.Ordinal)];
        }
    }

    /// <summary>Finds a peer by display name (case-insensitive) or node id (or a unique id prefix of 6+ digits).</summary>
    /// <exception cref="ShareKitException">No peer or several peers match; the message lists the candidates.</exception>
    public Peer Resolve(string nameOrId)
    {
        var peers = Snapshot();
        var matches = peers.Where(p => string.Equals(p.Name, nameOrId, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 0 && nameOrId.Length >= 6)
        {
            matches = [.. peers.Where(p => p.Id.Value.StartsWith(nameOrId.ToLowerInvariant(), StringComparison.Ordinal))];
        }

        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new ShareKitException(peers.Count == 0
                ? $"No peer named '{nameOrId}' was found: no peers were seen on the network (is discovery enabled on both sides?)."
                : $"No peer named '{nameOrId}' was found. Seen: {string.Join(", ", peers.Select(p => p.Name))}."),
            _ => throw new ShareKitException(
                $"'{nameOrId}' is ambiguous: {matches.Count} peers have that name. Use an id instead: {string.Join("; ", matches.Select(m => $"{m.Id} at {string.Join(", ", m.Endpoints)}"))}."),
        };
    }

    private static Peer Merge(Dictionary<string, NodeSighting> sources)
    {
        var ordered = sources.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Value).ToList();
        var newest = ordered.MaxBy(s => s.SeenAt)!;
        var endpoints = ordered.SelectMany(s => s.Node.Endpoints).Distinct().ToList();
        var capabilities = ordered.SelectMany(s => s.Node.Capabilities).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        var fingerprint = ordered.Select(s => s.Node.Fingerprint).FirstOrDefault(f => !string.IsNullOrEmpty(f));
        return new Peer(
            newest.Node.Id,
            newest.Node.Name,
            endpoints,
            capabilities,
            fingerprint,
            [.. sources.Keys.Order(StringComparer.Ordinal)],
            newest.SeenAt);
    }

    /// <summary>One peer as shown by <c>sharekit peers</c>.</summary>
    internal sealed record Peer(
        NodeId Id,
        string Name,
        IReadOnlyList<Endpoint> Endpoints,
        IReadOnlyList<string> Capabilities,
        string? Fingerprint,
        IReadOnlyList<string> Sources,
        DateTimeOffset LastSeen);
}
