using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using ShareKit.Discovery.UdpBroadcast;
using ShareKit.Sdk;

namespace ShareKit.Discovery.Tests.UdpBroadcast;

/// <summary>Two instances in this process on loopback only (allow-list <c>lo</c>, a free port): no root, no real interface.</summary>
public sealed class LoopbackTests
{
    [Fact]
    public async Task Two_instances_on_loopback_see_each_other_and_a_goodbye()
    {
        var port = FreeUdpPort();
        await using var a = Create("alpha", port);
        var b = Create("bravo", port);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var sightings = a.Discovery.BrowseAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);
        await a.Discovery.AnnounceAsync(a.Node, timeout.Token);
        await b.Discovery.AnnounceAsync(b.Node, timeout.Token);

        var appeared = await NextAsync(sightings, s => s.Node.Id == b.Node.Id);
        Assert.Equal(SightingKind.Appeared, appeared.Kind);
        Assert.Equal("udp-broadcast", appeared.Source);
        Assert.Equal([Endpoint.Parse("tcp://127.0.0.1:53531")], appeared.Node.Endpoints);

        await b.DisposeAsync();
        var vanished = await NextAsync(sightings, s => s.Node.Id == b.Node.Id && s.Kind != SightingKind.Updated);
        Assert.Equal(SightingKind.Vanished, vanished.Kind);
    }

    [Fact]
    public async Task An_announcement_that_does_not_fit_a_packet_is_refused_with_a_reason()
    {
        await using var a = Create("alpha", FreeUdpPort());
        var tooMany = a.Node with { Capabilities = [.. Enumerable.Range(0, 40).Select(i => "cap" + i)] };
        var error = await Assert.ThrowsAsync<ShareKitException>(async () => await a.Discovery.AnnounceAsync(tooMany, CancellationToken.None));
        Assert.Contains("capabilit", error.Message, StringComparison.Ordinal);
    }

    private static async Task<NodeSighting> NextAsync(IAsyncEnumerator<NodeSighting> sightings, Func<NodeSighting, bool> match)
    {
        for (var i = 0; i < 100; i++)
        {
            Assert.True(await sightings.MoveNextAsync(), "the sighting stream ended");
            if (match(sightings.Current))
            {
                return sightings.Current;
            }
        }

        throw new InvalidOperationException("no matching sighting among 100");
    }

    private static int FreeUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    private static Instance Create(string name, int port)
    {
        var id = NodeId.NewRandom();
        var settings = new ConfigurationBuilder().AddInMemoryCollection(
        [
            new KeyValuePair<string, string?>("port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new KeyValuePair<string, string?>("interfaces:0", "lo"),
            new KeyValuePair<string, string?>("ipv6", "false"),
        ]).Build();
        var registry = new CapturingRegistry();
        new UdpBroadcastPlugin().Register(registry);
        var discovery = registry.Create(new ComponentContext
        {
            ComponentName = "udp-broadcast",
            Settings = settings,
            SettingsPath = "discovery:udp-broadcast:settings",
            LoggerFactory = NullLoggerFactory.Instance,
            Node = new NodeIdentity(id, name),
            DataDirectory = Path.GetTempPath(),
            Components = null!,
        });
        return new Instance(discovery, new NodeAnnouncement(id, name, [Endpoint.Parse("tcp://0.0.0.0:53531")], ["receive"], null, 1));
    }

    private sealed record Instance(IDiscovery Discovery, NodeAnnouncement Node) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Discovery.DisposeAsync();
    }

    private sealed class CapturingRegistry : IPluginRegistry
    {
        private Func<ComponentContext, IDiscovery>? factory;

        public IDiscovery Create(ComponentContext context) => factory!(context);

        public void AddDiscovery(string name, Func<ComponentContext, IDiscovery> create)
        {
            Assert.Equal("udp-broadcast", name);
            factory = create;
        }

        public void AddTransport(string scheme, Func<ComponentContext, ITransport> create) => throw new NotSupportedException();

        public void AddLayer(string name, Func<ComponentContext, IConnectionLayer> create) => throw new NotSupportedException();

        public void AddStorage(string kind, Func<ComponentContext, IFileStore> create) => throw new NotSupportedException();

        public void AddService(string name, Func<ComponentContext, IShareService> create) => throw new NotSupportedException();
    }
}
