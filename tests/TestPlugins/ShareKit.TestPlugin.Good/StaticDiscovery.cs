using System.Runtime.CompilerServices;
using System.Text.Json;
using ShareKit.Sdk;

namespace ShareKit.TestPlugin.Good;

/// <summary>
/// Discovery from configuration: yields the peers listed in settings (<c>peers:N:id|name|endpoint|caps</c>), and
/// records what the node announced in <c>announced-&lt;name&gt;.json</c> in the data directory.
/// </summary>
public sealed class StaticDiscovery(ComponentContext context) : IDiscovery
{
    public async ValueTask AnnounceAsync(NodeAnnouncement self, CancellationToken ct)
    {
        var record = new
        {
            id = self.Id.Value,
            name = self.Name,
            endpoints = self.Endpoints.Select(e => e.ToString()).ToArray(),
            capabilities = self.Capabilities.ToArray(),
        };
        var file = Path.Combine(context.DataDirectory, $"announced-{context.ComponentName}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(record), ct).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<NodeSighting> BrowseAsync([EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var peer in context.Settings.GetSection("peers").GetChildren())
        {
            var announcement = new NodeAnnouncement(
                NodeId.Parse(peer["id"]!),
                peer["name"]!,
                [Endpoint.Parse(peer["endpoint"]!)],
                (peer["caps"] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries),
                peer["fingerprint"],
                1);
            yield return new NodeSighting(SightingKind.Appeared, announcement, context.ComponentName, DateTimeOffset.UtcNow);
        }

        await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
