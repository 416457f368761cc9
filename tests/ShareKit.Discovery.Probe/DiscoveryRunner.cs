using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ShareKit.Discovery.Mdns;
using ShareKit.Discovery.UdpBroadcast;
using ShareKit.Sdk;

namespace ShareKit.Discovery.Probe;

/// <summary>Loads one discovery plugin the way the host does, announces a node and prints what it sees.</summary>
internal static class DiscoveryRunner
{
    public static async Task<int> RunAsync(ProbeArguments arguments)
    {
        IShareKitPlugin plugin = arguments.Plugin switch
        {
            "udp-broadcast" => new UdpBroadcastPlugin(),
            "mdns" => new MdnsPlugin(),
            _ => throw new ArgumentException($"unknown plugin '{arguments.Plugin}' (udp-broadcast or mdns)"),
        };
        var registry = new ProbeRegistry();
        plugin.Register(registry);

        var id = arguments.Id is null ? NodeId.NewRandom() : NodeId.Parse(arguments.Id);
        using var loggerFactory = LoggerFactory.Create(b => b
            .SetMinimumLevel(Enum.Parse<LogLevel>(arguments.LogLevel, ignoreCase: true))
            .AddSimpleConsole(o => o.SingleLine = true)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddFilter((_, _) => true));
        var settings = new ConfigurationBuilder().AddInMemoryCollection(arguments.Settings).Build();
        using var dataDirectory = new TemporaryFolder();
        var context = new ComponentContext
        {
            ComponentName = arguments.Plugin,
            Settings = settings,
            SettingsPath = $"discovery:{arguments.Plugin}:settings",
            LoggerFactory = loggerFactory,
            Node = new NodeIdentity(id, arguments.Name),
            DataDirectory = dataDirectory.Path,
            Components = new NoComponents(),
        };

        var discovery = registry.Discoveries[arguments.Plugin](context);
        using var stop = new CancellationTokenSource();
        var browsing = Task.Run(async () =>
        {
            try
            {
                await foreach (var sighting in discovery.BrowseAsync(stop.Token))
                {
                    ProbeOutput.Sighting(sighting);
                }
            }
            catch (OperationCanceledException)
            {
            }
        });

        var endpoints = arguments.Endpoints.Count == 0 ? ["tcp://0.0.0.0:53531"] : arguments.Endpoints;
        using var listener = arguments.Listen ? ReachabilityCheck.Listen(Endpoint.Parse(endpoints[0]).Port, stop.Token) : null;
        if (!arguments.BrowseOnly)
        {
            await discovery.AnnounceAsync(
                new NodeAnnouncement(id, arguments.Name, [.. endpoints.Select(Endpoint.Parse)], arguments.Capabilities, arguments.Fingerprint, 1),
                CancellationToken.None);
        }

        ProbeOutput.Event("announcing", id);
        while (await Console.In.ReadLineAsync() is { } line && line.Trim() != "stop")
        {
        }

        await stop.CancelAsync();
        await browsing;
        await discovery.DisposeAsync();
        ProbeOutput.Event("stopped", id);
        return 0;
    }

    private sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("sharekit-probe-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
