namespace ShareKit.Sdk;

/// <summary>Opens connections for one endpoint scheme (e.g. <c>tcp</c>). Must be safe for concurrent use.</summary>
public interface ITransport
{
    /// <summary>The scheme this transport serves, lowercase.</summary>
    string Scheme { get; }

    /// <summary>Starts listening at <paramref name="local"/> (port 0 picks a free port).</summary>
    /// <exception cref="TransportException">The address is in use or cannot be bound.</exception>
    ValueTask<IConnectionListener> ListenAsync(Endpoint local, CancellationToken ct);

    /// <summary>Connects to <paramref name="remote"/>.</summary>
    /// <exception cref="TransportException">Refused, unreachable or timed out (see <see cref="TransportException.Reason"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    ValueTask<IConnection> ConnectAsync(Endpoint remote, CancellationToken ct);
}

/// <summary>A bound listener. Disposing it stops accepting; pending <see cref="AcceptAsync"/> calls return null.</summary>
public interface IConnectionListener : IAsyncDisposable
{
    /// <summary>The bound endpoint, with the real port after binding port 0.</summary>
    Endpoint LocalEndpoint { get; }

    /// <summary>Waits for the next connection; null once the listener is closed.</summary>
    ValueTask<IConnection?> AcceptAsync(CancellationToken ct);
}

/// <summary>
/// A duplex byte stream between two nodes. Completing <see cref="System.IO.Pipelines.IDuplexPipe.Output"/>
/// half-closes (the peer reads end of stream); disposing closes both directions and releases the socket.
/// </summary>
public interface IConnection : IAsyncDisposable
{
    /// <summary>The connection's pipes: read the peer's bytes from Input, write to Output.</summary>
    System.IO.Pipelines.IDuplexPipe Transport { get; }

    /// <summary>This side's address.</summary>
    Endpoint LocalEndpoint { get; }

    /// <summary>The peer's address.</summary>
    Endpoint RemoteEndpoint { get; }

    /// <summary>The authenticated peer, when a layer (e.g. <c>encrypted</c>) established one; null otherwise.</summary>
    PeerIdentity? Peer { get; }
}

/// <summary>Which side of a connection a layer is applied on.</summary>
public enum ConnectionRole
{
    /// <summary>The side that connected.</summary>
    Initiator,

    /// <summary>The side that accepted.</summary>
    Responder,
}

/// <summary>Wraps a connection (e.g. with encryption). Layers stack in the order configured.</summary>
public interface IConnectionLayer
{
    /// <summary>
    /// Runs the layer's handshake over <paramref name="inner"/> and returns the wrapped connection, which owns
    /// <paramref name="inner"/> (disposing it disposes the inner one).
    /// </summary>
    /// <exception cref="ShareKitException">The handshake failed; the message says why (e.g. <see cref="TrustException"/>).</exception>
    ValueTask<IConnection> ApplyAsync(IConnection inner, ConnectionRole role, CancellationToken ct);
}
