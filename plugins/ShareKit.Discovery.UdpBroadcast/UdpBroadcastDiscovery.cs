using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using ShareKit.Discovery.UdpBroadcast.Packets;
using ShareKit.Plugins.Shared.Discovery;
using ShareKit.Sdk;

namespace ShareKit.Discovery.UdpBroadcast;

/// <summary>
/// The socket loop of <c>udp-broadcast</c>: one IPv4 socket sending each interface's directed broadcast, one IPv6
/// socket sending link-local multicast per interface, both receiving on the same port. A scheduler sends the start
/// burst (query, then announcements at 0, 100, 500 ms and 2 s), the periodic announcements, the jittered answers
/// to queries, re-enumerates interfaces and expires silent peers.
/// </summary>
internal sealed class UdpBroadcastDiscovery : IDiscovery
{
    /// <summary>IANA's "any private experiment" link-local group; a dedicated group keeps other hosts' NICs filtering us out.</summary>
    private static readonly IPAddress Ipv6Group = IPAddress.Parse("ff02::114");
    private static readonly long[] BurstOffsetsMs = [0, 100, 500, 2000];
    private const long EnumerationPeriodMs = 5000;
    private const int AnswerJitterMs = 100;
    private const long MinAnswerGapMs = 200;

    private readonly UdpBroadcastOptions options;
    private readonly ComponentContext context;
    private readonly ILogger logger;
    private readonly PeerTable peers;
    // A whole LAN answering a query stays well under these.
    private readonly FloodGuard guard = new(new FloodLimits(PerSourceBurst: 20, PerSourcePerSecond: 10, TotalBurst: 400, TotalPerSecond: 200));
    private readonly DropLog drops;
    private readonly CancellationTokenSource stopping = new();
    private readonly SemaphoreSlim wake = new(0);
    private readonly Lock gate = new();
    private readonly HashSet<int> joinedGroups = [];
    private readonly Dictionary<int, long> pendingAnswers = [];
    private readonly Dictionary<int, long> lastAnswers = [];
    private byte[] selfId;
    private Socket? ipv4;
    private Socket? ipv6;
    private volatile IReadOnlyList<LocalInterface> interfaces = [];
    private NodeAnnouncement? announcement;
    private long burstStart;
    private int burstStep = int.MaxValue;
    private bool queryPending;
    private long nextPeriodic = long.MaxValue;
    private volatile bool interfacesDirty;
    private Task? running;
    private int disposed;

    public UdpBroadcastDiscovery(ComponentContext context, UdpBroadcastOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        this.context = context;
        this.options = options;
        logger = context.LoggerFactory.CreateLogger<UdpBroadcastDiscovery>();
        drops = new DropLog(logger, "a discovery");
        peers = new PeerTable(context.ComponentName, TimeProvider.System);
        selfId = PacketCodec.NodeIdBytes(context.Node.Id);
    }

    /// <summary>Packets dropped so far (malformed, flooding, oversized…).</summary>
    public long DroppedPackets => drops.Dropped;

    private static long Now => Environment.TickCount64;

    public ValueTask AnnounceAsync(NodeAnnouncement self, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(self);
        ct.ThrowIfCancellationRequested();
        try
        {
            // Checks the limits once here, so a bad announcement is an error for the caller, not a silent skip later.
            PacketCodec.Encode(ToPacket(PacketKind.Announce, self, [.. self.Endpoints.Where(e => e.IsNetwork)]));
        }
        catch (ArgumentException e)
        {
            throw new ShareKitException($"The node announcement does not fit a UDP discovery packet: {e.Message}", e);
        }

        lock (gate)
        {
            announcement = self;
            selfId = PacketCodec.NodeIdBytes(self.Id);
            StartBurst();
        }

        EnsureStarted();
        Wake();
        return ValueTask.CompletedTask;
    }

    public async IAsyncEnumerable<NodeSighting> BrowseAsync([EnumeratorCancellation] CancellationToken ct)
    {
        EnsureStarted();
        var reader = peers.Subscribe();
        try
        {
            await foreach (var sighting in reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                yield return sighting;
            }
        }
        finally
        {
            peers.Unsubscribe(reader);
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
            if (announcement is not null)
            {
                foreach (var nic in interfaces)
                {
                    SendOn(nic, PacketKind.Goodbye, announcement);
                }
            }
        }

        ipv4?.Dispose();
        ipv6?.Dispose();
        peers.Complete();
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

            ipv4 = OpenIpv4();
            if (options.Ipv6 && Socket.OSSupportsIPv6)
            {
                try
                {
                    ipv6 = OpenIpv6();
                }
                catch (SocketException e)
                {
                    logger.Ipv6Unavailable(e.Message);
                }
            }

            RefreshInterfaces();
            queryPending = true;
            StartBurst();
            NetworkChange.NetworkAddressChanged += OnNetworkChanged;
            var loops = new List<Task> { Task.Run(() => ReceiveLoopAsync(ipv4)), Task.Run(ScheduleLoopAsync) };
            if (ipv6 is not null)
            {
                var socket = ipv6;
                loops.Add(Task.Run(() => ReceiveLoopAsync(socket)));
            }

            running = Task.WhenAll(loops);
        }
    }

    private Socket OpenIpv4()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            // Several ShareKit processes on one host (serve and peers) share the port; broadcasts reach them all.
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.EnableBroadcast = true;
            socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.PacketInformation, true);
            socket.Bind(new IPEndPoint(IPAddress.Any, options.Port));
            return socket;
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new ShareKitException(
                $"UDP discovery cannot listen on port {options.Port}: {e.Message}. Set {context.SettingsPath}:port to a free port.", e);
        }
    }

    private Socket OpenIpv6()
    {
        var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.DualMode = false;
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.PacketInformation, true);
            socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.MulticastTimeToLive, 1);
            socket.Bind(new IPEndPoint(IPAddress.IPv6Any, options.Port));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
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

    private void StartBurst()
    {
        burstStart = Now;
        burstStep = 0;
        nextPeriodic = burstStart + (long)options.Interval.TotalMilliseconds;
    }

    private async Task ScheduleLoopAsync()
    {
        var ct = stopping.Token;
        var nextEnumeration = Now + EnumerationPeriodMs;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (interfacesDirty || Now >= nextEnumeration)
                {
                    interfacesDirty = false;
                    nextEnumeration = Now + EnumerationPeriodMs;
                    lock (gate)
                    {
                        if (RefreshInterfaces())
                        {
                            queryPending = true;
                            StartBurst();
                        }
                    }
                }

                var nextSend = SendWhatIsDue();
                var nextExpiry = peers.Expire();
                var due = Math.Min(nextSend, nextEnumeration);
                var delay = Math.Max(0, due - Now);
                if (nextExpiry is { } expiry)
                {
                    delay = Math.Min(delay, Math.Max(0, (long)(expiry - DateTimeOffset.UtcNow).TotalMilliseconds) + 1);
                }

                await wake.WaitAsync(TimeSpan.FromMilliseconds(delay), ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LoopFailed(e);
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

    /// <summary>Sends the burst step, periodic announcement and answers that are due.</summary>
    /// <returns>When something is next due (TickCount64 ms).</returns>
    private long SendWhatIsDue()
    {
        var now = Now;
        var next = long.MaxValue;
        List<int>? answers = null;
        NodeAnnouncement? node;
        var sendAll = false;
        var kind = PacketKind.Announce;
        lock (gate)
        {
            node = announcement;
            if (burstStep < BurstOffsetsMs.Length && now >= burstStart + BurstOffsetsMs[burstStep])
            {
                // A browsing-only node has nothing to announce: it queries at 0 and 500 ms.
                sendAll = node is not null || burstStep is 0 or 2;
                kind = queryPending && burstStep == 0 ? PacketKind.Query : node is null ? PacketKind.Query : PacketKind.Announce;
                queryPending = false;
                burstStep++;
            }

            if (node is not null && now >= nextPeriodic)
            {
                sendAll = true;
                nextPeriodic = now + (long)options.Interval.TotalMilliseconds;
            }

            foreach (var (index, at) in pendingAnswers)
            {
                if (at <= now)
                {
                    (answers ??= []).Add(index);
                }
                else
                {
                    next = Math.Min(next, at);
                }
            }

            foreach (var index in answers ?? [])
            {
                pendingAnswers.Remove(index);
                lastAnswers[index] = now;
            }

            if (burstStep < BurstOffsetsMs.Length)
            {
                next = Math.Min(next, burstStart + BurstOffsetsMs[burstStep]);
            }

            if (node is not null)
            {
                next = Math.Min(next, nextPeriodic);
            }
        }

        var current = interfaces;
        if (sendAll)
        {
            foreach (var nic in current)
            {
                SendOn(nic, kind, node);
            }
        }
        else if (answers is not null && node is not null)
        {
            foreach (var nic in current)
            {
                if (answers.Contains(nic.Index))
                {
                    SendOn(nic, PacketKind.Announce, node);
                }
            }
        }

        return next;
    }

    private void SendOn(LocalInterface nic, PacketKind kind, NodeAnnouncement? node)
    {
        byte[] datagram;
        try
        {
            datagram = PacketCodec.Encode(node is null
                ? new DiscoveryPacket(kind, context.Node.Id, false, context.Node.Name, [], [], null, 0, options.Validity)
                : ToPacket(kind, node, EndpointsFor(node, nic)));
        }
        catch (ArgumentException e)
        {
            logger.SendFailed(new IPEndPoint(IPAddress.None, options.Port), e.Message);
            return;
        }

        if (ipv4 is not null && nic.Ipv4Broadcast is not null)
        {
            SendTo(ipv4, datagram, new IPEndPoint(nic.Ipv4Broadcast, options.Port));
        }

        if (ipv6 is not null && nic.Ipv6Multicast)
        {
            SendTo(ipv6, datagram, new IPEndPoint(new IPAddress(Ipv6Group.GetAddressBytes(), nic.Index), options.Port));
        }
    }

    private void SendTo(Socket socket, byte[] datagram, IPEndPoint destination)
    {
        try
        {
            socket.SendTo(datagram, SocketFlags.None, destination);
        }
        catch (SocketException e)
        {
            logger.SendFailed(destination, e.Message);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private DiscoveryPacket ToPacket(PacketKind kind, NodeAnnouncement node, IReadOnlyList<Endpoint> endpoints) =>
        new(kind, node.Id, true, PacketCodec.TruncateName(node.Name), endpoints, node.Capabilities, node.Fingerprint, node.ProtocolVersion, options.Validity);

    /// <summary>
    /// The endpoints as seen from <paramref name="nic"/>'s LAN: unspecified listen addresses become the interface's own
    /// address, loopback ones are dropped on real interfaces, path endpoints are never announced.
    /// </summary>
    private static List<Endpoint> EndpointsFor(NodeAnnouncement node, LocalInterface nic)
    {
        var result = new List<Endpoint>();
        foreach (var endpoint in node.Endpoints)
        {
            if (!endpoint.IsNetwork)
            {
                continue;
            }

            var announced = endpoint;
            if (IPAddress.TryParse(endpoint.Host, out var address))
            {
                if (address.Equals(IPAddress.Any))
                {
                    announced = nic.Ipv4 is null ? null : Endpoint.ForNetwork(endpoint.Scheme, new IPEndPoint(nic.Ipv4, endpoint.Port));
                }
                else if (address.Equals(IPAddress.IPv6Any))
                {
                    announced = nic.Ipv6 is null ? null : Endpoint.ForNetwork(endpoint.Scheme, new IPEndPoint(nic.Ipv6, endpoint.Port));
                }
                else if (IPAddress.IsLoopback(address) && !nic.IsLoopback)
                {
                    announced = null;
                }
            }

            if (announced is not null && !result.Contains(announced) && result.Count < PacketCodec.MaxEndpoints)
            {
                result.Add(announced);
            }
        }

        return result;
    }

    /// <summary>Re-reads the interfaces; joins the IPv6 group on new ones.</summary>
    /// <returns>True when the set changed.</returns>
    private bool RefreshInterfaces()
    {
        var found = LocalInterface.Enumerate(options.Interfaces);
        if (found.SequenceEqual(interfaces))
        {
            return false;
        }

        interfaces = found;
        joinedGroups.IntersectWith(found.Select(n => n.Index));
        if (ipv6 is not null)
        {
            foreach (var nic in found)
            {
                if (nic.Ipv6Multicast && joinedGroups.Add(nic.Index))
                {
                    try
                    {
                        ipv6.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.AddMembership, new IPv6MulticastOption(Ipv6Group, nic.Index));
                    }
                    catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
                    {
                        // Still joined from before the interface list changed.
                    }
                    catch (SocketException e)
                    {
                        joinedGroups.Remove(nic.Index);
                        logger.JoinFailed(nic.Name, e.Message);
                    }
                }
            }
        }

        logger.InterfacesChanged(options.Port, found.Count == 0 ? "(none)" : string.Join(", ", found.Select(n => n.Name)));
        return true;
    }

    private async Task ReceiveLoopAsync(Socket socket)
    {
        var ct = stopping.Token;
        var buffer = new byte[PacketCodec.MaxPacketBytes + 1];
        EndPoint any = socket.AddressFamily == AddressFamily.InterNetwork
            ? new IPEndPoint(IPAddress.Any, 0)
            : new IPEndPoint(IPAddress.IPv6Any, 0);
        var failuresInARow = 0;
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
                Handle(buffer.AsSpan(0, result.ReceivedBytes), truncated, source, result.PacketInformation.Interface);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                drops.Drop(source, "unexpected error: " + e.Message);
            }
        }
    }

    private void Handle(ReadOnlySpan<byte> datagram, bool truncated, IPEndPoint? source, int interfaceIndex)
    {
        if (source is null || !IsInUse(interfaceIndex) || PacketCodec.IsFrom(datagram, selfId))
        {
            return;
        }

        if (!guard.Admit(source.Address))
        {
            drops.Drop(source, "rate limit");
            return;
        }

        if (truncated || datagram.Length > PacketCodec.MaxPacketBytes)
        {
            drops.Drop(source, "oversized");
            return;
        }

        if (!PacketCodec.TryDecode(datagram, out var packet, out var error))
        {
            drops.Drop(source, error);
            return;
        }

        if (packet.Kind == PacketKind.Goodbye)
        {
            peers.Remove(packet.NodeId);
            return;
        }

        if (packet.DescribesNode)
        {
            var node = new NodeAnnouncement(
                packet.NodeId, packet.Name, Scoped(packet.Endpoints, interfaceIndex), packet.Capabilities, packet.Fingerprint, packet.ProtocolVersion);
            if (!peers.Observe(node, interfaceIndex, packet.Validity))
            {
                drops.Drop(source, "peer table full");
            }
        }

        if (packet.Kind == PacketKind.Query)
        {
            ScheduleAnswer(interfaceIndex);
        }
    }

    private bool IsInUse(int interfaceIndex)
    {
        foreach (var nic in interfaces)
        {
            if (nic.Index == interfaceIndex)
            {
                return true;
            }
        }

        return false;
    }

    private void ScheduleAnswer(int interfaceIndex)
    {
        lock (gate)
        {
            if (announcement is null || pendingAnswers.ContainsKey(interfaceIndex))
            {
                return;
            }

            // Jitter spreads a LAN's answers; the gap bounds what a stream of queries can make us send.
            var at = Now + Random.Shared.Next(AnswerJitterMs);
            if (lastAnswers.TryGetValue(interfaceIndex, out var last))
            {
                at = Math.Max(at, last + MinAnswerGapMs);
            }

            pendingAnswers[interfaceIndex] = at;
        }

        Wake();
    }

    /// <summary>IPv6 link-local endpoints only mean something with the interface they were heard on.</summary>
    private static IReadOnlyList<Endpoint> Scoped(IReadOnlyList<Endpoint> endpoints, int interfaceIndex)
    {
        Endpoint[]? scoped = null;
        for (var i = 0; i < endpoints.Count; i++)
        {
            if (IPAddress.TryParse(endpoints[i].Host, out var address) && address.IsIPv6LinkLocal && address.ScopeId == 0)
            {
                scoped ??= [.. endpoints];
                scoped[i] = Endpoint.ForNetwork(
                    endpoints[i].Scheme, new IPEndPoint(new IPAddress(address.GetAddressBytes(), interfaceIndex), endpoints[i].Port));
            }
        }

        return scoped ?? endpoints;
    }
}
