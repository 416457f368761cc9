namespace ShareKit.Discovery.UdpBroadcast.Packets;

/// <summary>What a discovery packet asks of its receivers.</summary>
internal enum PacketKind : byte
{
    /// <summary>"Here I am": receivers record or refresh the node.</summary>
    Announce = 1,

    /// <summary>"Who is there?": every announcing receiver answers with an <see cref="Announce"/> at once.</summary>
    Query = 2,

    /// <summary>"I am leaving": receivers forget the node now.</summary>
    Goodbye = 3,
}
