using ShareKit.Sdk;

namespace ShareKit.Node.Tests.Support;

/// <summary>Records what a plugin registers, the way the host's registry would receive it.</summary>
internal sealed class CapturingRegistry : IPluginRegistry
{
    public Dictionary<string, Func<ComponentContext, ITransport>> Transports { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, Func<ComponentContext, IFileStore>> Stores { get; } = new(StringComparer.OrdinalIgnoreCase);

    public void AddTransport(string scheme, Func<ComponentContext, ITransport> create) => Transports.Add(scheme, create);

    public void AddStorage(string kind, Func<ComponentContext, IFileStore> create) => Stores.Add(kind, create);

    public void AddLayer(string name, Func<ComponentContext, IConnectionLayer> create) =>
        throw new InvalidOperationException($"Unexpected layer '{name}'.");

    public void AddDiscovery(string name, Func<ComponentContext, IDiscovery> create) =>
        throw new InvalidOperationException($"Unexpected discovery '{name}'.");

    public void AddService(string name, Func<ComponentContext, IShareService> create) =>
        throw new InvalidOperationException($"Unexpected service '{name}'.");
}
