using ShareKit.Sdk;

namespace ShareKit.Discovery.Probe;

/// <summary>Collects the discovery factories a plugin registers; the probe needs nothing else.</summary>
internal sealed class ProbeRegistry : IPluginRegistry
{
    public Dictionary<string, Func<ComponentContext, IDiscovery>> Discoveries { get; } = new(StringComparer.OrdinalIgnoreCase);

    public void AddDiscovery(string name, Func<ComponentContext, IDiscovery> create) => Discoveries.Add(name, create);

    public void AddTransport(string scheme, Func<ComponentContext, ITransport> create) => throw new NotSupportedException();

    public void AddLayer(string name, Func<ComponentContext, IConnectionLayer> create) => throw new NotSupportedException();

    public void AddStorage(string kind, Func<ComponentContext, IFileStore> create) => throw new NotSupportedException();

    public void AddService(string name, Func<ComponentContext, IShareService> create) => throw new NotSupportedException();
}
