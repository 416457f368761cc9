using Microsoft.Extensions.Logging;
using ShareKit.Sdk;

namespace ShareKit.Host.Runtime;

/// <summary>Turns what a user typed for a peer (an address, or a name from <c>sharekit peers</c>) into an endpoint.</summary>
internal static class PeerResolver
{
    /// <summary>An address as given, or the endpoint of a peer found by name through discovery.</summary>
    public static async Task<Endpoint> ResolveAsync(NodeComponents components, string target, double findSeconds, ILogger logger, CancellationToken ct)
    {
        if (target.Contains("://", StringComparison.Ordinal))
        {
            return Endpoint.TryParse(target, out var endpoint, out var error) ? endpoint : throw new ConfigurationException("peer", error);
        }

        await using var browser = new DiscoveryBrowser(components, logger);
        var found = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        browser.Changed += sighting =>
        {
            if (string.Equals(sighting.Node.Name, target, StringComparison.OrdinalIgnoreCase))
            {
                found.TrySetResult();
            }
        };
        browser.Start();
        try
        {
            // Give other mechanisms a moment after the first sighting, so a duplicate name is noticed.
            await found.Task.WaitAsync(TimeSpan.FromSeconds(findSeconds), ct);
            await Task.Delay(TimeSpan.FromMilliseconds(300), ct);
        }
        catch (TimeoutException)
        {
        }

        var peer = browser.Peers.Resolve(target);
        var transports = components.Settings.Endpoint.Listen.Select(e => e.Scheme).Append("tcp").ToHashSet(StringComparer.OrdinalIgnoreCase);
        return peer.Endpoints.FirstOrDefault(e => transports.Contains(e.Scheme))
            ?? throw new ShareKitException($"The peer '{peer.Name}' announces no address this node can reach ({string.Join(", ", peer.Endpoints)}).");
    }
}
