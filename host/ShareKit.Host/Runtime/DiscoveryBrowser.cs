using Microsoft.Extensions.Logging;
using ShareKit.Sdk;

namespace ShareKit.Host.Runtime;

/// <summary>Runs <see cref="IDiscovery.BrowseAsync"/> of every enabled discovery mechanism into one <see cref="PeerDirectory"/>.</summary>
internal sealed partial class DiscoveryBrowser(NodeComponents components, ILogger logger) : IAsyncDisposable
{
    private readonly List<IDiscovery> discoveries = [];
    private readonly List<Task> loops = [];
    private readonly CancellationTokenSource stop = new();

    public PeerDirectory Peers { get; } = new();

    /// <summary>Raised after each sighting that changed the table (from a discovery's thread).</summary>
    public event Action<NodeSighting>? Changed;

    /// <summary>Starts browsing; fails if no discovery mechanism is enabled.</summary>
    public void Start()
    {
        var enabled = components.Settings.Discovery.Where(d => d.Enabled).ToList();
        if (enabled.Count == 0)
        {
            throw new ConfigurationException("discovery", "no discovery mechanism is enabled, so no peers can be found; enable udp-broadcast or mdns.");
        }

        components.RequireAllConfigured();
        foreach (var settings in enabled)
        {
            var discovery = components.CreateDiscovery(settings);
            discoveries.Add(discovery);
            loops.Add(Task.Run(() => Browse(settings.Name, discovery)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(loops).WaitAsync(TimeSpan.FromSeconds(2)).ContinueWith(_ => { }, TaskScheduler.Default);
        foreach (var discovery in discoveries)
        {
            await discovery.DisposeAsync();
        }

        stop.Dispose();
    }

    private async Task Browse(string name, IDiscovery discovery)
    {
        try
        {
            await foreach (var sighting in discovery.BrowseAsync(stop.Token))
            {
                if (sighting.Node.Id != components.Node.Id && Peers.Apply(sighting))
                {
                    Changed?.Invoke(sighting);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogBrowseFailed(logger, name, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discovery {Name} stopped browsing: {Reason}")]
    private static partial void LogBrowseFailed(ILogger logger, string name, string reason);
}
