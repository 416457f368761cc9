using ShareKit.Sdk;

namespace ShareKit.TestPlugin.Good;

/// <summary>Writes <c>marker-started</c> (with the <c>text</c> setting and the share names it can see) and <c>marker-stopped</c> into the data directory.</summary>
public sealed class MarkerService(ComponentContext context) : IShareService, IListeningService
{
    public IReadOnlyList<string> ListenAddresses => ["marker://nowhere"];

    public async ValueTask StartAsync(CancellationToken ct)
    {
        var shares = string.Join(",", context.Components.Shares.Select(s => s.Name));
        var text = $"{context.Settings["text"]}|{context.Node.Name}|{shares}";
        await File.WriteAllTextAsync(Path.Combine(context.DataDirectory, "marker-started"), text, ct).ConfigureAwait(false);
    }

    public async ValueTask StopAsync(CancellationToken ct) =>
        await File.WriteAllTextAsync(Path.Combine(context.DataDirectory, "marker-stopped"), "stopped", ct).ConfigureAwait(false);
}
