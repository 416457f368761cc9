namespace ShareKit.Host.Node;

/// <summary>Which offers a receive share takes without asking (<c>accept</c> in plugins.json).</summary>
public enum AcceptRule
{
    /// <summary>Ask the user about every offer (<see cref="ReceivePolicy.Ask"/>); decline if nobody can be asked.</summary>
    Ask,

    /// <summary>Accept offers from peers the node knows (<see cref="ReceivePolicy.IsKnownPeer"/>); ask about the rest.</summary>
    KnownPeers,

    /// <summary>Accept every offer (<c>--yes</c>).</summary>
    All,
}
