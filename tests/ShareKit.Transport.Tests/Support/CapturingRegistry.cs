using ShareKit.Sdk;

namespace ShareKit.Transport.Tests.Support;

/// <summary>Records what a plugin registers, the way the host's registry would receive it.</summary>
internal sealed class CapturingRegistry : IPluginRegistry
{
    public Dictionary<string, Func<ComponentContext, ITransport>> Transports { get; } = new(StringComparer.OrdinalIgnoreCase);

    public void AddTransport(string scheme, Func<ComponentContext, ITransport> create) => Transports.Add(scheme, create);

    public void AddLayer(string name, Func<ComponentContext, IConnectionLayer> create) =>
        throw new InvalidOperationException($"A transport plugin registered layer '{name}'.");

    public void AddDiscovery(string name, Func<ComponentContext, IDiscovery> create) =>
        throw new InvalidOperationException($"A transport plugin registered discovery '{name}'.");

    public void AddStorage(string kind, Func<ComponentContext, IFileStore> create) =>
        throw new InvalidOperationException($"A transport plugin registered storage '{kind}'.");

    public void AddService(string name, Func<ComponentContext, IShareService> create) =>
        throw new InvalidOperationException($"A transport plugin registered service '{name}'.");
}
