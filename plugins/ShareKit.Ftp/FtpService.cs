using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using ShareKit.Sdk;

namespace ShareKit.Ftp;

/// <summary>
/// The <c>ftp</c> service: accepts control connections, applies the connection limits, and runs one
/// <see cref="FtpSession"/> per connection (async all the way: no thread per session).
/// </summary>
public sealed class FtpService : IShareService, IListeningService
{
    private readonly ComponentContext context;
    private readonly FtpOptions options;
    private readonly ILogger logger;
    private readonly ConcurrentDictionary<FtpSession, Task> sessions = new();
    private CancellationTokenSource? stopping;
    private Socket? listener;
    private Task acceptLoop = Task.CompletedTask;
    private IReadOnlyList<string> addresses = [];

    /// <summary>Makes the service; nothing is bound until <see cref="StartAsync"/>.</summary>
    public FtpService(ComponentContext context, FtpOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        this.context = context;
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        logger = context.LoggerFactory.CreateLogger<FtpService>();
    }

    /// <inheritdoc />
    public IReadOnlyList<string> ListenAddresses => addresses;

    /// <summary>The bound control endpoint (with the real port after binding port 0); null before start.</summary>
    public IPEndPoint? LocalEndPoint => listener?.LocalEndPoint as IPEndPoint;

    /// <inheritdoc />
    public async ValueTask StartAsync(CancellationToken ct)
    {
        if (listener is not null)
        {
            throw new InvalidOperationException("The FTP service is already running.");
        }

        var shares = ResolveShares();
        var users = ResolveUsers();
        var certificate = options.Tls.Mode == FtpTlsMode.Off
            ? null
            : CertificateProvider.Load(options.Tls, context.DataDirectory, context.Node.Name, context.SettingsPath);
        var server = new FtpServerContext(
            options, logger, FtpCommandTable.CreateDefault(), shares, users, certificate, new LoginThrottle(options, TimeProvider.System));
        var limiter = new ConnectionLimiter(options.MaxConnections, options.MaxConnectionsPerAddress);

        var bindAddress = await ResolveBindAddressAsync(ct).ConfigureAwait(false);
        var socket = new Socket(bindAddress.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (bindAddress.Equals(IPAddress.IPv6Any))
            {
                socket.DualMode = true;
            }

            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.Bind(new IPEndPoint(bindAddress, options.Listen.Port));
            socket.Listen(512);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new TransportException(
                e.SocketErrorCode == SocketError.AddressAlreadyInUse ? TransportFailure.AddressInUse : TransportFailure.Other,
                $"The FTP service cannot listen on {options.Listen}: {e.Message}",
                e);
        }

        listener = socket;
        stopping = new CancellationTokenSource();
        var bound = (IPEndPoint)socket.LocalEndPoint!;
        addresses = [$"ftp://{(bound.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{bound.Address}]" : bound.Address.ToString())}:{bound.Port}"];
        FtpLog.Listening(logger, addresses[0], string.Join(", ", shares.Select(s => s.Name)));
        acceptLoop = AcceptLoopAsync(socket, server, limiter, stopping.Token);
    }

    /// <inheritdoc />
    public async ValueTask StopAsync(CancellationToken ct)
    {
        if (listener is null || stopping is null)
        {
            return;
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        listener.Dispose();
        await acceptLoop.ConfigureAwait(false);
        try
        {
            await Task.WhenAll(sessions.Values).WaitAsync(TimeSpan.FromSeconds(2), ct).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Sessions still closing after two seconds hold no lock the host needs; their sockets are cancelled.
        }

        listener = null;
        stopping.Dispose();
        stopping = null;
    }

    private List<IShare> ResolveShares()
    {
        if (options.Shares.Count == 0)
        {
            return context.Components.Shares.Where(s => s.Access == ShareAccess.PublicRead).ToList();
        }

        var shares = new List<IShare>();
        for (var i = 0; i < options.Shares.Count; i++)
        {
            try
            {
                shares.Add(context.Components.GetShare(options.Shares[i]));
            }
            catch (ConfigurationException)
            {
                throw new ConfigurationException($"{context.SettingsPath}:shares:{i}", $"no share is named '{options.Shares[i]}'");
            }
        }

        return shares;
    }

    private Dictionary<string, FtpUser> ResolveUsers()
    {
        var users = new Dictionary<string, FtpUser>(StringComparer.Ordinal);
        for (var i = 0; i < options.Users.Count; i++)
        {
            var user = options.Users[i];
            try
            {
                users[user.Name] = new FtpUser(user, context.Components.GetShare(user.Share));
            }
            catch (ConfigurationException)
            {
                throw new ConfigurationException($"{context.SettingsPath}:users:{i}:share", $"no share is named '{user.Share}'");
            }
        }

        return users;
    }

    private async ValueTask<IPAddress> ResolveBindAddressAsync(CancellationToken ct)
    {
        var host = options.Listen.Host;
        if (IPAddress.TryParse(host, out var address))
        {
            return address;
        }

        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }

        try
        {
            var found = await Dns.GetHostAddressesAsync(host, ct).ConfigureAwait(false);
            return found.FirstOrDefault() ?? throw new SocketException((int)SocketError.HostNotFound);
        }
        catch (SocketException e)
        {
            throw new ConfigurationException($"{context.SettingsPath}:listen", $"cannot resolve '{host}': {e.Message}");
        }
    }

    private async Task AcceptLoopAsync(Socket socket, FtpServerContext server, ConnectionLimiter limiter, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await socket.AcceptAsync(ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e)
            {
                // Per-connection accept failures (e.g. a reset before accept) must not stop the service.
                FtpLog.AcceptFailed(logger, e);
                continue;
            }

            var address = FtpAddress.Normalize(((IPEndPoint)client.RemoteEndPoint!).Address);
            var refusal = server.Throttle.IsBlocked(address)
                ? "Too many failed logins from your address; try again later."
                : limiter.TryAcquire(address);
            if (refusal is not null)
            {
                FtpLog.ConnectionRefused(logger, address, refusal);
                _ = RefuseAsync(client, refusal);
                continue;
            }

            var session = new FtpSession(client, server, ct);
            sessions[session] = RunSessionAsync(session, address, limiter);
        }
    }

    private async Task RunSessionAsync(FtpSession session, IPAddress address, ConnectionLimiter limiter)
    {
        await Task.Yield();
        try
        {
            await session.RunAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            FtpLog.SessionFailed(logger, address, e);
        }
        finally
        {
            await session.DisposeAsync().ConfigureAwait(false);
            limiter.Release(address);
            sessions.TryRemove(session, out _);
        }
    }

    private static async Task RefuseAsync(Socket client, string reason)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await client.SendAsync(Encoding.UTF8.GetBytes($"421 {reason}\r\n"), SocketFlags.None, timeout.Token).ConfigureAwait(false);
            client.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            client.Dispose();
        }
    }
}
