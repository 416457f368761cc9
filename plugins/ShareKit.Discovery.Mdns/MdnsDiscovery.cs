using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using ShareKit.Plugins.Shared.Discovery;
using ShareKit.Sdk;

namespace ShareKit.Discovery.Mdns;

/// <summary>
/// The <c>mdns</c> discovery: receive loops on the IPv4 and IPv6 multicast sockets hand each message to the
/// responder (queries) and the browser (responses); one scheduler sends what they have due. Malformed, oversized
/// and flooding messages are dropped with a rate-limited debug line, never an exception out of a loop.
/// </summary>
internal sealed class MdnsDiscovery : IDiscovery
{
    private const long EnumerationPeriodMs = 5000;

    private readonly MdnsOptions options;
    private readonly ComponentContext context;
    private readonly ILogger logger;
    private readonly NodeBoard board;
    private readonly MdnsResponder responder;
    private readonly MdnsBrowser browser;
    // mDNS hosts are chattier (every service on a host answers through one responder), so the limits are wider.
    private readonly FloodGuard guard = new(new FloodLimits(PerSourceBurst: 50, PerSourcePerSecond: 25, TotalBurst: 1000, TotalPerSecond: 500));
    private readonly DropLog drops;
    private readonly CancellationTokenSource stopping = new();
    private readonly SemaphoreSlim wake = new(0);
    private readonly Lock gate = new();
    private MdnsSockets? sockets;
    private volatile IReadOnlyList<LocalInterface> interfaces = [];
    private volatile bool interfacesDirty;
    private Task? running;
    private int disposed;

    public MdnsDiscovery(ComponentContext context, MdnsOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        this.context = context;
        this.options = options;
        logger = context.LoggerFactory.CreateLogger<MdnsDiscovery>();
        drops = new DropLog(logger, "an mDNS");
        board = new NodeBoard(context.ComponentName);
        responder = new MdnsResponder(options, logger);
        browser = new MdnsBrowser(board, context.Node.Id);
    }

    private static long Now => Environment.TickCount64;

    public ValueTask AnnounceAsync(NodeAnnouncement self, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(self);
        ct.ThrowIfCancellationRequested();
        if (!self.Endpoints.Any(e => e.IsNetwork))
        {
            throw new ShareKitException("mDNS needs a network endpoint (host and port) to announce; the node has none.");
        }

        EnsureStarted();
        lock (gate)
        {
            responder.Start(self, Now);
        }

        Wake();
        return ValueTask.CompletedTask;
    }

    public async IAsyncEnumerable<NodeSighting> BrowseAsync([EnumeratorCancellation] CancellationToken ct)
    {
        EnsureStarted();
        var reader = board.Subscribe();
        try
        {
            await foreach (var sighting in reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                yield return sighting;
            }
        }
        finally
        {
            board.Unsubscribe(reader);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        NetworkChange.NetworkAddressChanged -= OnNetworkChanged;
        await stopping.CancelAsync().ConfigureAwait(false);
        if (running is not null)
        {
            await running.ConfigureAwait(false);
            var output = new List<Outgoing>();
            lock (gate)
            {
                responder.Goodbye(interfaces, output);
            }

            Send(output);
        }

        sockets?.Dispose();
        board.Complete();
        stopping.Dispose();
        wake.Dispose();
    }

    private void EnsureStarted()
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed != 0, this);
            if (running is not null)
            {
                return;
            }

            sockets = new MdnsSockets(logger, options.Port, options.Ipv6, context.SettingsPath);
            RefreshInterfaces();
            browser.Start(Now);
            NetworkChange.NetworkAddressChanged += OnNetworkChanged;
            var loops = new List<Task> { Task.Run(() => ReceiveLoopAsync(sockets.Ipv4)), Task.Run(ScheduleLoopAsync) };
            if (sockets.Ipv6 is { } ipv6)
            {
                loops.Add(Task.Run(() => ReceiveLoopAsync(ipv6)));
            }

            running = Task.WhenAll(loops);
        }
    }

    private void OnNetworkChanged(object? sender, EventArgs e)
    {
        interfacesDirty = true;
        Wake();
    }

    private void Wake()
    {
        try
        {
            if (wake.CurrentCount == 0)
            {
                wake.Release();
            }
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private bool RefreshInterfaces()
    {
        var found = LocalInterface.Enumerate(options.Interfaces);
        if (found.SequenceEqual(interfaces))
        {
            return false;
        }

        interfaces = found;
        sockets!.Join(found);
        logger.InterfacesChanged(found.Count == 0 ? "(none)" : string.Join(", ", found.Select(n => n.Name)));
        return true;
    }

    private async Task ScheduleLoopAsync()
    {
        var ct = stopping.Token;
        var nextEnumeration = Now + EnumerationPeriodMs;
        var output = new List<Outgoing>();
        while (!ct.IsCancellationRequested)
        {
            try
            {
                long next;
                lock (gate)
                {
                    var now = Now;
                    if (interfacesDirty || now >= nextEnumeration)
                    {
                        interfacesDirty = false;
                        nextEnumeration = now + EnumerationPeriodMs;
                        if (RefreshInterfaces())
                        {
                            responder.InterfacesChanged(now);
                            browser.Start(now);
                        }
                    }

                    next = Math.Min(nextEnumeration, Math.Min(responder.Tick(now, interfaces, output), browser.Tick(now, interfaces, output)));
                }

                Send(output);
                output.Clear();
                var delay = Math.Clamp(next - Now, 0, EnumerationPeriodMs);
                await wake.WaitAsync(TimeSpan.FromMilliseconds(delay), ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LoopFailed(e);
                output.Clear();
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    private void Send(List<Outgoing> output)
    {
        var current = interfaces;
        foreach (var item in output)
        {
            var bytes = MdnsMessageCodec.Write(item.Message, out var error);
            if (bytes is null)
            {
                logger.SendFailed(new IPEndPoint(MdnsSockets.Ipv4Group, options.Port), error ?? "unknown");
                continue;
            }

            if (item.Unicast is { } destination)
            {
                sockets!.Unicast(bytes, destination);
            }
            else if (item.Interface is { } nic)
            {
                sockets!.Multicast(bytes, nic);
            }
            else
            {
                foreach (var each in current)
                {
                    sockets!.Multicast(bytes, each);
                }
            }
        }
    }

    private async Task ReceiveLoopAsync(Socket socket)
    {
        var ct = stopping.Token;
        var buffer = new byte[MdnsMessageCodec.MaxMessageBytes + 1];
        EndPoint any = socket.AddressFamily == AddressFamily.InterNetwork ? new IPEndPoint(IPAddress.Any, 0) : new IPEndPoint(IPAddress.IPv6Any, 0);
        var failuresInARow = 0;
        var output = new List<Outgoing>();
        while (!ct.IsCancellationRequested)
        {
            SocketReceiveMessageFromResult result;
            try
            {
                result = await socket.ReceiveMessageFromAsync(buffer, SocketFlags.None, any, ct).ConfigureAwait(false);
                failuresInARow = 0;
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (ObjectDisposedException)
            {
                break;
            }
            catch (SocketException e)
            {
                logger.ReceiveFailed(e.Message);
                if (++failuresInARow >= 10)
                {
                    try
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(100), ct).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }

                continue;
            }

            var source = result.RemoteEndPoint as IPEndPoint;
            try
            {
                var truncated = (result.SocketFlags & SocketFlags.Truncated) != 0;
                Handle(buffer, result.ReceivedBytes, truncated, source, result.PacketInformation.Interface, output);
                Send(output);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                drops.Drop(source, "unexpected error: " + e.Message);
            }

            output.Clear();
        }
    }

    private void Handle(byte[] buffer, int length, bool truncated, IPEndPoint? source, int interfaceIndex, List<Outgoing> output)
    {
        var nic = interfaces.FirstOrDefault(n => n.Index == interfaceIndex);
        if (source is null || nic is null)
        {
            return;
        }

        if (!guard.Admit(source.Address))
        {
            drops.Drop(source, "rate limit");
            return;
        }

        if (truncated)
        {
            drops.Drop(source, "oversized");
            return;
        }

        if (!MdnsMessageCodec.TryRead(buffer.AsSpan(0, length), out var message, out var error))
        {
            drops.Drop(source, error);
            return;
        }

        var now = Now;
        bool tickNow;
        lock (gate)
        {
            if (message.QR)
            {
                responder.OnResponse(message, now);
                browser.OnResponse(message, nic, now);
                tickNow = browser.HasQuestions;
            }
            else
            {
                responder.OnQuery(message, source, nic, now, output);
                tickNow = true;
            }
        }

        if (tickNow)
        {
            Wake();
        }
    }
}
