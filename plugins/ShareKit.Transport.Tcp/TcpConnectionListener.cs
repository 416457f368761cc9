using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using ShareKit.Sdk;

namespace ShareKit.Transport.Tcp;

/// <summary>A bound, listening socket that hands out <see cref="TcpConnection"/>s.</summary>
internal sealed class TcpConnectionListener : IConnectionListener
{
    // A connection the peer reset before we accepted it is skipped; this bounds how many in a row.
    private const int MaxSkippedInARow = 1000;

    private readonly Socket _socket;
    private readonly TcpTransportOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private volatile bool _disposed;

    public TcpConnectionListener(Socket socket, Endpoint localEndpoint, TcpTransportOptions options, ILoggerFactory loggerFactory)
    {
        _socket = socket;
        LocalEndpoint = localEndpoint;
        _options = options;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<TcpConnectionListener>();
    }

    public Endpoint LocalEndpoint { get; }

    public async ValueTask<IConnection?> AcceptAsync(CancellationToken ct)
    {
        for (var skipped = 0; skipped < MaxSkippedInARow; skipped++)
        {
            if (_disposed)
            {
                return null;
            }

            Socket accepted;
            try
            {
                accepted = await _socket.AcceptAsync(ct).ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                return null;
            }
            catch (SocketException) when (_disposed)
            {
                return null;
            }
            catch (SocketException error) when (error.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted)
            {
                TcpLog.AcceptSkipped(_logger, LocalEndpoint, error);
                continue;
            }
            catch (SocketException error)
            {
                throw new TransportException(TransportFailure.Other, $"Accepting at {LocalEndpoint} failed: {error.Message}.", error);
            }

            try
            {
                TcpSockets.Configure(accepted, _options);
                var remote = Endpoint.ForNetwork(TcpTransport.SchemeName, (IPEndPoint)accepted.RemoteEndPoint!);
                TcpLog.Accepted(_logger, remote, LocalEndpoint);
                return new TcpConnection(accepted, remote, _loggerFactory);
            }
            catch (SocketException error)
            {
                // The peer left between accept and setup; nothing to hand out.
                accepted.Dispose();
                TcpLog.AcceptSkipped(_logger, LocalEndpoint, error);
            }
        }

        throw new TransportException(
            TransportFailure.Other, $"Accepting at {LocalEndpoint} failed: {MaxSkippedInARow} connections in a row broke before they were accepted.");
    }

    public ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            _socket.Dispose();
            TcpLog.StoppedListening(_logger, LocalEndpoint);
        }

        return ValueTask.CompletedTask;
    }
}
