using ShareKit.Sdk;

namespace ShareKit.Host.Node;

/// <summary>How <see cref="PeerSender"/> sends.</summary>
public sealed class SendOptions
{
    /// <summary>Who is sending (shown to the receiver).</summary>
    public required NodeIdentity Node { get; init; }

    /// <summary>Channels of the session that carry items in parallel (small files are pipelined over them).</summary>
    public int Lanes { get; init; } = 4;

    /// <summary>Items with at least this many bytes left to send go on a data connection of their own, when the receiver takes them.</summary>
    public long DataConnectionThreshold { get; init; } = 16L << 20;

    /// <summary>Most data connections open at once; 0 sends everything over the session's channels.</summary>
    public int MaxDataConnections { get; init; } = 2;
}
