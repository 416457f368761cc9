using ShareKit.Host.Node.Messages;

namespace ShareKit.Host.Node;

/// <summary>Which items go over the session's channels and which over data connections, and how many of each lane.</summary>
internal sealed record SendPlan(WorkQueue Small, WorkQueue Big, int ChannelLanes, int DataLanes)
{
    public static SendPlan Make(List<LocalItem> items, long[] offsets, Decision decision, Hello peerHello, SendOptions options)
    {
        var useData = decision.DataToken is not null && options.MaxDataConnections > 0 &&
            peerHello.Capabilities.Contains(PeerProtocol.DataConnectionsCapability);
        var small = new List<int>();
        var big = new List<int>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].FullPath is null || offsets[i] < 0)
            {
                continue;
            }

            (useData && items[i].Offered.Size - offsets[i] >= options.DataConnectionThreshold ? big : small).Add(i);
        }

        var budget = Math.Max(1, decision.MaxLanes);
        var dataLanes = Math.Min(Math.Min(options.MaxDataConnections, big.Count), small.Count > 0 ? budget - 1 : budget);
        if (dataLanes <= 0 && big.Count > 0)
        {
            small.AddRange(big);
            big.Clear();
            dataLanes = 0;
        }

        var channelLanes = small.Count == 0 ? 0 : Math.Max(1, Math.Min(Math.Min(options.Lanes, small.Count), budget - dataLanes));
        return new SendPlan(new WorkQueue(small.ToArray()), new WorkQueue(big.ToArray()), channelLanes, dataLanes);
    }
}
