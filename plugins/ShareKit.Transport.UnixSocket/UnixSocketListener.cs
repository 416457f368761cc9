using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using ShareKit.Sdk;

namespace ShareKit.Transport.UnixSocket;

/// <summary>
/// A listening Unix socket. <see cref="AcceptAsync"/> may be called from any thread (usually one accept loop);
/// disposing stops accepting, deletes the socket file, and every pending or later <see cref="AcceptAsync"/> returns null.
/// </summary>
internal sealed partial class UnixSocketListener(Socket socket, Endpoint localEndpoint, ILogger logger) : IConnectionListener
{
    private int disposed;

    /// <summary>The socket path listened on.</summary>
    public Endpoint LocalEndpoint => localEndpoint;

    /// <summary>
    /// Waits for the next connection. Cancelling <paramref name="ct"/> throws <see cref="OperationCanceledException"/>
    /// and leaves the listener usable; a closed listener returns null.
    /// </summary>
    public async ValueTask<IConnection?> AcceptAsync(CancellationToken ct)
    {
        while (Volatile.Read(ref disposed) == 0)
        {
            Socket accepted;
            try
            {
                accepted = await socket.AcceptAsync(ct).ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                return null;
            }
            catch (SocketException) when (Volatile.Read(ref disposed) != 0)
            {
                return null;
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted)
            {
                // The client gave up before we accepted it; that is its business, not a listener failure.
                continue;
            }

            LogAccepted(logger, localEndpoint);
            return SocketConnection.Start(accepted, localEndpoint, localEndpoint);
        }

        return null;
    }

    /// <summary>Closes the listening socket and deletes its file; connections already accepted live on.</summary>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            socket.Dispose();
            // Only a socket is ours to delete: never a file someone put there after us.
            if (SocketFile.At(localEndpoint.Path) == SocketFile.Kind.Socket)
            {
                UnixSocketTransport.TryDelete(localEndpoint.Path);
            }

            LogStopped(logger, localEndpoint);
        }

        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "accepted a connection on {Local}")]
    private static partial void LogAccepted(ILogger logger, Endpoint local);

    [LoggerMessage(Level = LogLevel.Debug, Message = "stopped listening on {Local}")]
    private static partial void LogStopped(ILogger logger, Endpoint local);
}
