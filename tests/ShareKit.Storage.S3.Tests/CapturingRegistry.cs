using ShareKit.Sdk;

namespace ShareKit.Storage.S3.Tests;

/// <summary>Records what a plugin registers, as the host's registry would.</summary>
internal sealed class CapturingRegistry : IPluginRegistry
{
    public Dictionary<string, Func<ComponentContext, IFileStore>> Storage { get; } = new(StringComparer.OrdinalIgnoreCase);

    public void AddStorage(string kind, Func<ComponentContext, IFileStore> create) => Storage.Add(kind, create);

    public void AddTransport(string scheme, Func<ComponentContext, ITransport> create) => throw new InvalidOperationException(scheme);

    public void AddLayer(string name, Func<ComponentContext, IConnectionLayer> create) => throw new InvalidOperationException(name);

    public void AddDiscovery(string name, Func<ComponentContext, IDiscovery> create) => throw new InvalidOperationException(name);

    public void AddService(string name, Func<ComponentContext, IShareService> create) => throw new InvalidOperationException(name);
}
