using ShareKit.Sdk;

namespace ShareKit.Storage.Tests;

/// <summary>Records what a plugin registers, as the host's registry would.</summary>
internal sealed class CapturingRegistry : IPluginRegistry
{
    public Dictionary<string, Func<ComponentContext, IFileStore>> Storage { get; } = new(StringComparer.OrdinalIgnoreCase);

    public int Others { get; private set; }

    public void AddStorage(string kind, Func<ComponentContext, IFileStore> create) => Storage.Add(kind, create);

    public void AddTransport(string scheme, Func<ComponentContext, ITransport> create) => Others++;

    public void AddLayer(string name, Func<ComponentContext, IConnectionLayer> create) => Others++;

    public void AddDiscovery(string name, Func<ComponentContext, IDiscovery> create) => Others++;

    public void AddService(string name, Func<ComponentContext, IShareService> create) => Others++;
}
