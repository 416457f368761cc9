using System.Diagnostics;
using Microsoft.Extensions.Logging;
using ShareKit.Host.Node;
using ShareKit.Sdk;

namespace ShareKit.Host.Runtime;

/// <summary>
/// Runs a composed node: starts every enabled service and discovery mechanism, and stops them all
/// (in reverse order, within a deadline) when asked.
/// </summary>
internal sealed partial class NodeRunner(
    NodeComponents components,
    ILogger logger,
    Func<IncomingOffer, CancellationToken, ValueTask<bool>>? askAboutOffers = null) : IAsyncDisposable
{
    private PeerListener? peerListener;
    private string? libraryName;
    private readonly List<(string Name, IShareService Service)> started = [];
    private readonly List<(string Name, IDiscovery Discovery)> discoveries = [];

    public IReadOnlyList<string> Describe()
    {
        var lines = new List<string>
        {
            $"node {components.Node.Name} ({components.Node.Id}), data in {components.Settings.Node.DataDirectory}",
        };
        lines.AddRange(components.Shares.Select(s => $"share {s.Name} ({AccessWord(s.Access)})"));
        foreach (var (name, service) in started)
        {
            var addresses = service is IListeningService listening && listening.ListenAddresses.Count > 0
                ? " on " + string.Join(", ", listening.ListenAddresses)
                : string.Empty;
            lines.Add($"service {name}{addresses}");
        }

        if (peerListener is not null)
        {
            lines.Add($"peer endpoint on {string.Join(", ", peerListener.LocalEndpoints)} ({(components.Settings.Endpoint.Layers.Count == 0 ? "plain" : string.Join("+", components.Settings.Endpoint.Layers))})");
        }

        if (peerListener is not null && libraryName is not null)
        {
            lines.Add($"library {libraryName} on the peer endpoint");
        }

        lines.AddRange(discoveries.Select(d => $"discovery {d.Name}"));
        return lines;
    }

    public async Task StartAsync(CancellationToken ct)
    {
        components.RequireAllConfigured();
        components.CreateShares();
        foreach (var settings in components.Settings.Services.Where(s => s.Enabled))
        {
            var service = components.CreateService(settings);
            try
            {
                await service.StartAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException and not ShareKitException)
            {
                throw new ShareKitException($"The service '{settings.Name}' could not start: {e.Message}", e);
            }

            started.Add((settings.Name, service));
        }

        var endpoints = await StartPeerEndpointAsync(ct);
        var announcement = new NodeAnnouncement(
            components.Node.Id,
            components.Node.Name,
            endpoints,
            Capabilities(),
            Fingerprint: LocalFingerprint(),
            ProtocolVersion: 1);
        foreach (var settings in components.Settings.Discovery.Where(d => d.Enabled))
        {
            var discovery = components.CreateDiscovery(settings);
            discoveries.Add((settings.Name, discovery));
            await discovery.AnnounceAsync(announcement, ct);
        }
    }

    /// <summary>Stops everything; gives up on a component that takes longer than the remaining deadline.</summary>
    public async Task StopAsync(TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        foreach (var (name, discovery) in Enumerable.Reverse(discoveries))
        {
            await Bounded(name, () => discovery.DisposeAsync().AsTask(), deadline - clock.Elapsed);
        }

        discoveries.Clear();
        if (peerListener is not null)
        {
            await Bounded("peer endpoint", () => peerListener.DisposeAsync().AsTask(), deadline - clock.Elapsed);
            peerListener = null;
        }

        foreach (var (name, service) in Enumerable.Reverse(started))
        {
            using var cts = new CancellationTokenSource(Max(deadline - clock.Elapsed, TimeSpan.FromMilliseconds(50)));
            await Bounded(name, () => service.StopAsync(cts.Token).AsTask(), deadline - clock.Elapsed);
        }

        started.Clear();
        await Bounded("library catalogs", components.Catalogs.StopAllAsync, deadline - clock.Elapsed);
    }

    public async ValueTask DisposeAsync() => await StopAsync(TimeSpan.FromSeconds(2));

    /// <summary>
    /// Listens on the configured endpoints when a share receives files or one is public-read (the first public-read
    /// share is the library served on library connections); returns the bound endpoints.
    /// </summary>
    private async Task<IReadOnlyList<Endpoint>> StartPeerEndpointAsync(CancellationToken ct)
    {
        var inbox = components.Shares.OfType<Share>().FirstOrDefault(s => s.Access == ShareAccess.Receive);
        var libraryShare = components.Shares.OfType<Share>().FirstOrDefault(s => s.Access == ShareAccess.PublicRead);
        if (components.Settings.Endpoint.Listen.Count == 0 || (inbox is null && libraryShare is null))
        {
            return components.Settings.Endpoint.Listen;
        }

        var context = inbox is null
            ? null
            : ReceiveSetup.Context(components, inbox.Store, inbox.Settings.Accept, inbox.Settings.OnConflict, askAboutOffers, progress: null);
        var library = libraryShare is null
            ? null
            : new LibraryServer(components.GetCatalog(libraryShare.Name), libraryShare.Store, components.Node);
        libraryName = library?.ShareName;
        var endpoint = new PeerEndpoint(context, library);
        peerListener = new PeerListener(components, PeerConnector.ResolveLayers(components, components.Settings.Endpoint.Layers, pairingCode: null), logger);
        await peerListener.StartAsync(components.Settings.Endpoint.Listen, async (connection, token) =>
        {
            if (await endpoint.ServeConnectionAsync(connection, token) is { } outcome)
            {
                LogTransfer(logger, inbox?.Name ?? "(no receive share)", outcome.PeerName ?? "a peer", outcome.Status.ToString().ToLowerInvariant(), outcome.Reason ?? string.Empty);
            }
        }, ct);
        return peerListener.LocalEndpoints;
    }

    private string? LocalFingerprint() =>
        components.Settings.Endpoint.Layers.Select(components.GetLayer).OfType<IIdentityLayer>().FirstOrDefault()?.LocalFingerprint;

    private List<string> Capabilities()
    {
        var capabilities = new List<string>();
        if (components.Shares.Any(s => s.Access == ShareAccess.Receive))
        {
            capabilities.Add("receive");
        }

        if (components.Shares.Any(s => s.Access == ShareAccess.PublicRead))
        {
            capabilities.Add("library");
        }

        if (components.Settings.Endpoint.Layers.Contains("encrypted", StringComparer.OrdinalIgnoreCase))
        {
            capabilities.Add("encrypted");
        }

        return capabilities;
    }

    private async Task Bounded(string name, Func<Task> stop, TimeSpan budget)
    {
        try
        {
            var task = stop();
            if (await Task.WhenAny(task, Task.Delay(Max(budget, TimeSpan.FromMilliseconds(50)))) != task)
            {
                LogStopTimedOut(logger, name);
                return;
            }

            await task;
        }
        catch (Exception e)
        {
            LogStopFailed(logger, name, e.Message);
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string AccessWord(ShareAccess access) => access switch
    {
        ShareAccess.PublicRead => "public-read",
        ShareAccess.Receive => "receive",
        _ => "private",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "transfer into {Share} from {Peer}: {Status} {Reason}")]
    private static partial void LogTransfer(ILogger logger, string share, string peer, string status, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Component} did not stop in time; leaving it")]
    private static partial void LogStopTimedOut(ILogger logger, string component);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Component} failed while stopping: {Reason}")]
    private static partial void LogStopFailed(ILogger logger, string component, string reason);
}
