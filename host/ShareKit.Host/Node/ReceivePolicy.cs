using ShareKit.Sdk;

namespace ShareKit.Host.Node;

/// <summary>How a receive share decides about offers and name clashes.</summary>
public sealed class ReceivePolicy
{
    /// <summary>Which offers are accepted without asking.</summary>
    public AcceptRule Accept { get; init; } = AcceptRule.Ask;

    /// <summary>Asks the user about an offer; true accepts. Null means nobody can be asked (such offers are declined).</summary>
    public Func<IncomingOffer, CancellationToken, ValueTask<bool>>? Ask { get; init; }

    /// <summary>Whether an authenticated peer is known (for <see cref="AcceptRule.KnownPeers"/>).</summary>
    public Func<PeerIdentity, bool>? IsKnownPeer { get; init; }

    /// <summary>What to do when an offered file's name exists.</summary>
    public ConflictRule OnConflict { get; init; } = ConflictRule.Rename;
}
