using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using ShareKit.Sdk;

namespace ShareKit.Transport.Tcp;

/// <summary>The <c>tcp://</c> transport. Stateless apart from its options, so safe for concurrent use.</summary>
internal sealed class TcpTransport : ITransport
{
    public const string SchemeName = "tcp";
    private const int ListenBacklog = 512;

    private readonly TcpTransportOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;

    public TcpTransport(TcpTransportOptions options, ILoggerFactory loggerFactory)
    {
        _options = options;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<TcpTransport>();
    }

    public string Scheme => SchemeName;

    public async ValueTask<IConnectionListener> ListenAsync(Endpoint local, CancellationToken ct)
    {
        RequireTcp(local);
        ct.ThrowIfCancellationRequested();
        var address = await ResolveListenAddressAsync(local, ct).ConfigureAwait(false);
        var socket = TcpSockets.Create(address.AddressFamily, _options);
        try
        {
            if (address.AddressFamily == AddressFamily.InterNetworkV6)
            {
                // [::] serves IPv4 clients too (as ::ffff:a.b.c.d); [::1] or another v6 address stays v6-only.
                socket.DualMode = address.Equals(IPAddress.IPv6Any);
            }

            socket.Bind(new IPEndPoint(address, local.Port));
            socket.Listen(ListenBacklog);
        }
        catch (SocketException error)
        {
            socket.Dispose();
            throw SocketErrors.ForListen(local, error);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var bound = local.WithPort(((IPEndPoint)socket.LocalEndPoint!).Port);
        TcpLog.Listening(_logger, bound);
        return new TcpConnectionListener(socket, bound, _options, _loggerFactory);
    }

    public async ValueTask<IConnection> ConnectAsync(Endpoint remote, CancellationToken ct)
    {
        RequireTcp(remote);
        ct.ThrowIfCancellationRequested();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(_options.ConnectTimeout);
        try
        {
            var addresses = await ResolveConnectAddressesAsync(remote, deadline.Token).ConfigureAwait(false);
            var socket = await ConnectAnyAsync(remote, addresses, deadline.Token).ConfigureAwait(false);
            var connection = new TcpConnection(socket, remote, _loggerFactory);
            TcpLog.Connected(_logger, remote, connection.LocalEndpoint);
            return connection;
        }
        catch (OperationCanceledException error) when (!ct.IsCancellationRequested)
        {
            throw SocketErrors.TimedOut(remote, _options.ConnectTimeout, error);
        }
    }

    // Happy-eyeballs-lite: the addresses in the resolver's order, one after the other. Each but the last gets an
    // equal share of the deadline, so one address that swallows SYNs does not use up the time of the others.
    private async ValueTask<Socket> ConnectAnyAsync(Endpoint remote, IPAddress[] addresses, CancellationToken ct)
    {
        TransportException? last = null;
        var share = _options.ConnectTimeout / addresses.Length;
        for (var i = 0; i < addresses.Length; i++)
        {
            var address = addresses[i];
            var socket = TcpSockets.Create(address.AddressFamily, _options);
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(ct);
            if (i < addresses.Length - 1)
            {
                attempt.CancelAfter(share);
            }

            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, remote.Port), attempt.Token).ConfigureAwait(false);
                return socket;
            }
            catch (SocketException error)
            {
                socket.Dispose();
                TcpLog.AttemptFailed(_logger, address, remote, error);
                last = Prefer(last, SocketErrors.ForConnect(remote, error));
            }
            catch (OperationCanceledException error) when (!ct.IsCancellationRequested)
            {
                socket.Dispose();
                TcpLog.AttemptFailed(_logger, address, remote, error);
                last = Prefer(last, SocketErrors.TimedOut(remote, _options.ConnectTimeout, error));
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last ?? SocketErrors.UnknownHost(remote, null);
    }

    // When several addresses fail, "refused" says the most (the host is there, the port is not).
    private static TransportException Prefer(TransportException? earlier, TransportException later) =>
        earlier is { Reason: TransportFailure.Refused } ? earlier : later;

    private static async ValueTask<IPAddress[]> ResolveConnectAddressesAsync(Endpoint remote, CancellationToken ct)
    {
        if (IPAddress.TryParse(remote.Host, out var literal))
        {
            return [literal];
        }

        try
        {
            var addresses = await Dns.GetHostAddressesAsync(remote.Host, ct).ConfigureAwait(false);
            return addresses.Length > 0 ? addresses : throw SocketErrors.UnknownHost(remote, null);
        }
        catch (SocketException error)
        {
            throw SocketErrors.UnknownHost(remote, error);
        }
    }

    private static async ValueTask<IPAddress> ResolveListenAddressAsync(Endpoint local, CancellationToken ct)
    {
        if (IPAddress.TryParse(local.Host, out var literal))
        {
            return literal;
        }

        try
        {
            var addresses = await Dns.GetHostAddressesAsync(local.Host, ct).ConfigureAwait(false);
            return addresses.Length > 0 ? addresses[0] : throw SocketErrors.UnknownHost(local, null);
        }
        catch (SocketException error)
        {
            throw new TransportException(
                TransportFailure.UnknownHost, $"Cannot listen at {local}: the host name '{local.Host}' could not be resolved.", error);
        }
    }

    private static void RequireTcp(Endpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Scheme != SchemeName || !endpoint.IsNetwork)
        {
            throw new ArgumentException($"{endpoint} is not a tcp://host:port endpoint.", nameof(endpoint));
        }
    }
}
