using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ShareKit.Sdk;

namespace ShareKit.Host.Node;

/// <summary>Everything the accepting side needs: where files go, the share's rules, and who this node is.</summary>
public sealed class ReceiveContext
{
    /// <summary>The receive share's store; accepted files are staged and committed here.</summary>
    public required IFileStore Store { get; init; }

    /// <summary>Who decides about offers and name clashes.</summary>
    public required ReceivePolicy Policy { get; init; }

    /// <summary>Who is receiving (sent in Hello).</summary>
    public required NodeIdentity Node { get; init; }

    /// <summary>Receives progress events of every transfer into this share.</summary>
    public IProgress<TransferProgress>? Progress { get; init; }

    /// <summary>Logs session failures once each.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>Most lanes a sender may open per transfer.</summary>
    public int MaxLanes { get; init; } = 8;

    /// <summary>Whether senders may open data connections for big items.</summary>
    public bool AllowDataConnections { get; init; } = true;
}
